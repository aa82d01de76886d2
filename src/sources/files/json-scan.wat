;; Item scanner for large JSON Lists (json-scan.ts runs it in the JSON reader's worker thread; `npm run gen` compiles
;; it into json-scan-wasm.ts). It reads the elements of one JSON array, tracking strings, escapes and nesting exactly,
;; and copies each element (an object) to the output with the whitespace after a newline or after `{ [ : ,` dropped:
;; the text the main thread parses is about 40% of a kubectl-printed item and parses to the same value. Newlines are
;; kept, so a parse error's line is still found by counting them, and a raw newline inside a string (invalid JSON)
;; still fails to parse. Runs of string bytes and of indentation are crossed sixteen bytes at a time (SIMD).
;;
;; Memory: the input chunk at [0, 1 MiB); the item table at [1 MiB, 9 MiB), 16 bytes per finished item (output start,
;; output end, line of its `{`, flags: 1 = a byte >= 0x80, 2 = nested deeper than 128); the top-level keys `check`
;; found at [9 MiB, 9 MiB + 256); output from 10 MiB. The caller grows memory so that the output has room for the whole
;; chunk plus 64 KiB before each call (output <= input).
;;
;; `check` validates one finished item's compact text against the JSON grammar (RFC 8259, what JSON.parse accepts:
;; UTF-8 is checked apart) and records where its top-level keys start, so that the reader can parse an item's
;; metadata at once and the rest when something reads it.
(module
  (memory (export "memory") 176)
  (global $o (export "o") (mut i32) (i32.const 10485760))
  (global $inStr (mut i32) (i32.const 0))
  (global $esc (mut i32) (i32.const 0))
  ;; nesting inside the current element (0: between elements)
  (global $rel (export "rel") (mut i32) (i32.const 0))
  (global $itemStart (mut i32) (i32.const 0))
  (global $capLine (export "capLine") (mut i32) (i32.const 0))
  (global $line (export "line") (mut i32) (i32.const 1))
  (global $hi (mut i32) (i32.const 0))
  (global $deepest (mut i32) (i32.const 0))
  (global $prev (mut i32) (i32.const 10))
  (global $items (export "items") (mut i32) (i32.const 0))
  (global $stopAt (export "stopAt") (mut i32) (i32.const 0))
  (func (export "setLine") (param $l i32) (global.set $line (local.get $l)))
  ;; after the caller moved an unfinished element to the start of the output
  (func (export "setOut") (param $x i32) (param $start i32)
    (global.set $o (local.get $x)) (global.set $itemStart (local.get $start)))
  (func (export "itemStart") (result i32) (global.get $itemStart))
  (func (export "resetItems") (global.set $items (i32.const 0)))
  ;; ---- JSON grammar check of one item ([start, end) of memory): recursive descent, -1 on error. `check` puts a 0
  ;; byte at `end` while it runs: no rule accepts it, so every loop stops there without a bounds check ----
  (global $keys (export "keys") (mut i32) (i32.const 0))
  (global $end (mut i32) (i32.const 0))
  (func $ws (param $i i32) (result i32) (local $c i32)
    (block $out
      (loop $more
        (local.set $c (i32.load8_u (local.get $i)))
        (br_if $out (i32.eqz (i32.or (i32.or (i32.eq (local.get $c) (i32.const 0x20)) (i32.eq (local.get $c) (i32.const 0x0a)))
                                     (i32.or (i32.eq (local.get $c) (i32.const 0x09)) (i32.eq (local.get $c) (i32.const 0x0d))))))
        (local.set $i (i32.add (local.get $i) (i32.const 1)))
        (br $more)))
    (local.get $i))
  (func $hex (param $c i32) (result i32)
    (i32.or (i32.lt_u (i32.sub (local.get $c) (i32.const 0x30)) (i32.const 10))
            (i32.lt_u (i32.sub (i32.or (local.get $c) (i32.const 0x20)) (i32.const 0x61)) (i32.const 6))))
  (func $digits (param $i i32) (result i32)
    (block $out
      (loop $more
        (br_if $out (i32.ge_u (i32.sub (i32.load8_u (local.get $i)) (i32.const 0x30)) (i32.const 10)))
        (local.set $i (i32.add (local.get $i) (i32.const 1)))
        (br $more)))
    (local.get $i))
  (func $string (param $i i32) (result i32) (local $c i32) (local $v v128) (local $m i32)
    ;; $i at the opening quote
    (local.set $i (i32.add (local.get $i) (i32.const 1)))
    (loop $more
      ;; sixteen bytes at a time up to a quote, a backslash or a control character
      (if (i32.le_u (i32.add (local.get $i) (i32.const 16)) (global.get $end))
        (then
          (local.set $v (v128.load (local.get $i)))
          (local.set $m (i8x16.bitmask (v128.or (v128.or (i8x16.eq (local.get $v) (i8x16.splat (i32.const 0x22)))
                                                         (i8x16.eq (local.get $v) (i8x16.splat (i32.const 0x5c))))
                                                (i8x16.lt_u (local.get $v) (i8x16.splat (i32.const 0x20))))))
          (if (i32.eqz (local.get $m)) (then (local.set $i (i32.add (local.get $i) (i32.const 16))) (br $more)))
          (local.set $i (i32.add (local.get $i) (i32.ctz (local.get $m))))))
      (local.set $c (i32.load8_u (local.get $i)))
      (if (i32.eq (local.get $c) (i32.const 0x22)) (then (return (i32.add (local.get $i) (i32.const 1)))))
      (if (i32.lt_s (local.get $c) (i32.const 0x20)) (then (return (i32.const -1)))) ;; control character or the end
      (if (i32.eq (local.get $c) (i32.const 0x5c))
        (then
          (local.set $c (i32.load8_u (i32.add (local.get $i) (i32.const 1))))
          (if (i32.eq (local.get $c) (i32.const 0x75)) ;; \uXXXX
            (then
              (if (i32.eqz (i32.and (i32.and (call $hex (i32.load8_u (i32.add (local.get $i) (i32.const 2))))
                                             (call $hex (i32.load8_u (i32.add (local.get $i) (i32.const 3)))))
                                    (i32.and (call $hex (i32.load8_u (i32.add (local.get $i) (i32.const 4))))
                                             (call $hex (i32.load8_u (i32.add (local.get $i) (i32.const 5)))))))
                (then (return (i32.const -1))))
              (local.set $i (i32.add (local.get $i) (i32.const 6)))
              (br $more)))
          (if (i32.eqz (i32.or (i32.or (i32.or (i32.eq (local.get $c) (i32.const 0x22)) (i32.eq (local.get $c) (i32.const 0x5c)))
                                       (i32.or (i32.eq (local.get $c) (i32.const 0x2f)) (i32.eq (local.get $c) (i32.const 0x62))))
                               (i32.or (i32.or (i32.eq (local.get $c) (i32.const 0x66)) (i32.eq (local.get $c) (i32.const 0x6e)))
                                       (i32.or (i32.eq (local.get $c) (i32.const 0x72)) (i32.eq (local.get $c) (i32.const 0x74))))))
            (then (return (i32.const -1))))
          (local.set $i (i32.add (local.get $i) (i32.const 2)))
          (br $more)))
      (local.set $i (i32.add (local.get $i) (i32.const 1)))
      (br $more))
    (i32.const -1))
  (func $number (param $i i32) (result i32) (local $c i32)
    (if (i32.eq (i32.load8_u (local.get $i)) (i32.const 0x2d)) (then (local.set $i (i32.add (local.get $i) (i32.const 1)))))
    (local.set $c (i32.load8_u (local.get $i)))
    (if (i32.eq (local.get $c) (i32.const 0x30))
      (then (local.set $i (i32.add (local.get $i) (i32.const 1))))
      (else
        (if (i32.ge_u (i32.sub (local.get $c) (i32.const 0x31)) (i32.const 9)) (then (return (i32.const -1))))
        (local.set $i (call $digits (local.get $i)))))
    (if (i32.eq (i32.load8_u (local.get $i)) (i32.const 0x2e))
      (then
        (local.set $c (local.get $i))
        (local.set $i (call $digits (i32.add (local.get $i) (i32.const 1))))
        (if (i32.eq (local.get $i) (i32.add (local.get $c) (i32.const 1))) (then (return (i32.const -1))))))
    (if (i32.eq (i32.or (i32.load8_u (local.get $i)) (i32.const 0x20)) (i32.const 0x65)) ;; e or E
      (then
        (local.set $i (i32.add (local.get $i) (i32.const 1)))
        (local.set $c (i32.load8_u (local.get $i)))
        (if (i32.or (i32.eq (local.get $c) (i32.const 0x2b)) (i32.eq (local.get $c) (i32.const 0x2d)))
          (then (local.set $i (i32.add (local.get $i) (i32.const 1)))))
        (local.set $c (local.get $i))
        (local.set $i (call $digits (local.get $i)))
        (if (i32.eq (local.get $i) (local.get $c)) (then (return (i32.const -1))))))
    (local.get $i))
  ;; a literal: the bytes of `word` (up to four, little-endian) then no letter may follow
  (func $literal (param $i i32) (param $word i32) (param $len i32) (result i32) (local $k i32)
    (block $bad
      (loop $more
        (br_if $bad (i32.ne (i32.load8_u (i32.add (local.get $i) (local.get $k)))
                            (i32.and (i32.shr_u (local.get $word) (i32.shl (local.get $k) (i32.const 3))) (i32.const 0xff))))
        (local.set $k (i32.add (local.get $k) (i32.const 1)))
        (br_if $more (i32.lt_u (local.get $k) (local.get $len))))
      (return (i32.add (local.get $i) (local.get $len))))
    (i32.const -1))
  (func $value (param $i i32) (param $depth i32) (result i32) (local $c i32)
    (local.set $c (i32.load8_u (local.get $i)))
    (if (i32.eq (local.get $c) (i32.const 0x7b)) (then (return (call $object (local.get $i) (local.get $depth)))))
    (if (i32.eq (local.get $c) (i32.const 0x5b)) (then (return (call $array (local.get $i) (local.get $depth)))))
    (if (i32.eq (local.get $c) (i32.const 0x22)) (then (return (call $string (local.get $i)))))
    (if (i32.eq (local.get $c) (i32.const 0x74)) (then (return (call $literal (local.get $i) (i32.const 0x65757274) (i32.const 4))))) ;; true
    (if (i32.eq (local.get $c) (i32.const 0x6e)) (then (return (call $literal (local.get $i) (i32.const 0x6c6c756e) (i32.const 4))))) ;; null
    (if (i32.eq (local.get $c) (i32.const 0x66)) ;; false
      (then
        (if (i32.eq (call $literal (local.get $i) (i32.const 0x736c6166) (i32.const 4)) (i32.const -1)) (then (return (i32.const -1))))
        (return (select (i32.add (local.get $i) (i32.const 5)) (i32.const -1)
                        (i32.eq (i32.load8_u (i32.add (local.get $i) (i32.const 4))) (i32.const 0x65))))))
    (call $number (local.get $i)))
  (func $object (param $i i32) (param $depth i32) (result i32) (local $c i32)
    (local.set $i (call $ws (i32.add (local.get $i) (i32.const 1))))
    (if (i32.eq (i32.load8_u (local.get $i)) (i32.const 0x7d)) (then (return (i32.add (local.get $i) (i32.const 1)))))
    (loop $member
      (if (i32.ne (i32.load8_u (local.get $i)) (i32.const 0x22)) (then (return (i32.const -1))))
      ;; a top-level key: remember where it starts (up to 63; more counts as 64)
      (if (i32.eqz (local.get $depth))
        (then
          (if (i32.lt_u (global.get $keys) (i32.const 63))
            (then (i32.store (i32.add (i32.const 9437184) (i32.shl (global.get $keys) (i32.const 2))) (local.get $i))))
          (if (i32.lt_u (global.get $keys) (i32.const 64)) (then (global.set $keys (i32.add (global.get $keys) (i32.const 1)))))))
      (local.set $i (call $string (local.get $i)))
      (if (i32.lt_s (local.get $i) (i32.const 0)) (then (return (i32.const -1))))
      (local.set $i (call $ws (local.get $i)))
      (if (i32.ne (i32.load8_u (local.get $i)) (i32.const 0x3a)) (then (return (i32.const -1))))
      (local.set $i (call $value (call $ws (i32.add (local.get $i) (i32.const 1))) (i32.add (local.get $depth) (i32.const 1))))
      (if (i32.lt_s (local.get $i) (i32.const 0)) (then (return (i32.const -1))))
      (local.set $i (call $ws (local.get $i)))
      (local.set $c (i32.load8_u (local.get $i)))
      (if (i32.eq (local.get $c) (i32.const 0x2c))
        (then (local.set $i (call $ws (i32.add (local.get $i) (i32.const 1)))) (br $member))))
    (select (i32.add (local.get $i) (i32.const 1)) (i32.const -1) (i32.eq (local.get $c) (i32.const 0x7d))))
  (func $array (param $i i32) (param $depth i32) (result i32) (local $c i32)
    (local.set $i (call $ws (i32.add (local.get $i) (i32.const 1))))
    (if (i32.eq (i32.load8_u (local.get $i)) (i32.const 0x5d)) (then (return (i32.add (local.get $i) (i32.const 1)))))
    (loop $element
      (local.set $i (call $value (local.get $i) (i32.add (local.get $depth) (i32.const 1))))
      (if (i32.lt_s (local.get $i) (i32.const 0)) (then (return (i32.const -1))))
      (local.set $i (call $ws (local.get $i)))
      (local.set $c (i32.load8_u (local.get $i)))
      (if (i32.eq (local.get $c) (i32.const 0x2c))
        (then (local.set $i (call $ws (i32.add (local.get $i) (i32.const 1)))) (br $element))))
    (select (i32.add (local.get $i) (i32.const 1)) (i32.const -1) (i32.eq (local.get $c) (i32.const 0x5d))))
  ;; 1 when memory [start, end) is exactly one JSON value (the caller skips items nested deeper than 128)
  (func (export "check") (param $start i32) (param $end i32) (result i32) (local $i i32) (local $saved i32)
    (global.set $end (local.get $end))
    (global.set $keys (i32.const 0))
    (local.set $saved (i32.load8_u (local.get $end)))
    (i32.store8 (local.get $end) (i32.const 0))
    (local.set $i (call $value (call $ws (local.get $start)) (i32.const 0)))
    (if (i32.ge_s (local.get $i) (i32.const 0)) (then (local.set $i (i32.eq (call $ws (local.get $i)) (local.get $end))))
      (else (local.set $i (i32.const 0))))
    (i32.store8 (local.get $end) (local.get $saved))
    (local.get $i))

  ;; Scans input [0, n). Returns 0 when the chunk is consumed, 1 when the array closed (its `]` at stopAt), 2 when an
  ;; element is not an object (its first byte at stopAt).
  (func (export "scan") (param $n i32) (result i32)
    (local $i i32) (local $c i32) (local $o i32) (local $inStr i32) (local $esc i32) (local $rel i32)
    (local $line i32) (local $hi i32) (local $deepest i32) (local $prev i32) (local $status i32) (local $t i32)
    (local $v v128) (local $m i32) (local $k i32)
    (local.set $o (global.get $o)) (local.set $inStr (global.get $inStr)) (local.set $esc (global.get $esc))
    (local.set $rel (global.get $rel)) (local.set $line (global.get $line)) (local.set $hi (global.get $hi))
    (local.set $deepest (global.get $deepest)) (local.set $prev (global.get $prev))
    (block $done
      (loop $next
        (br_if $done (i32.ge_u (local.get $i) (local.get $n)))
        (local.set $c (i32.load8_u (local.get $i)))
        (local.set $i (i32.add (local.get $i) (i32.const 1)))
        ;; inside a string: copied as is
        (if (local.get $inStr)
          (then
            (if (i32.and (i32.eqz (local.get $esc)) (i32.le_u (i32.add (local.get $i) (i32.const 15)) (local.get $n)))
              (then
                ;; sixteen bytes from the current one: copy up to the first quote, backslash or newline
                (local.set $v (v128.load (i32.sub (local.get $i) (i32.const 1))))
                (local.set $m (i32.or (i8x16.bitmask (v128.or (v128.or (i8x16.eq (local.get $v) (i8x16.splat (i32.const 0x22)))
                                                                       (i8x16.eq (local.get $v) (i8x16.splat (i32.const 0x5c))))
                                                              (i8x16.eq (local.get $v) (i8x16.splat (i32.const 0x0a)))))
                                      (i32.const 0x10000)))
                (local.set $k (i32.ctz (local.get $m)))
                (v128.store (local.get $o) (local.get $v))
                (local.set $hi (i32.or (local.get $hi)
                  (i32.shl (i32.ne (i32.and (i8x16.bitmask (local.get $v)) (i32.sub (i32.shl (i32.const 1) (local.get $k)) (i32.const 1))) (i32.const 0)) (i32.const 7))))
                (local.set $o (i32.add (local.get $o) (local.get $k)))
                (local.set $i (i32.add (i32.sub (local.get $i) (i32.const 1)) (local.get $k)))
                (br_if $next (i32.eq (local.get $k) (i32.const 16)))
                (local.set $c (i32.load8_u (local.get $i)))
                (local.set $i (i32.add (local.get $i) (i32.const 1)))))
            (i32.store8 (local.get $o) (local.get $c))
            (local.set $o (i32.add (local.get $o) (i32.const 1)))
            (local.set $hi (i32.or (local.get $hi) (local.get $c)))
            (if (local.get $esc) (then (local.set $esc (i32.const 0)) (br $next)))
            (if (i32.eq (local.get $c) (i32.const 0x22)) (then (local.set $inStr (i32.const 0)) (local.set $prev (i32.const 0x22)) (br $next)))
            (if (i32.eq (local.get $c) (i32.const 0x5c)) (then (local.set $esc (i32.const 1)) (br $next)))
            (if (i32.eq (local.get $c) (i32.const 0x0a)) (then (local.set $line (i32.add (local.get $line) (i32.const 1)))))
            (br $next)))
        ;; between elements, at the array's level: whitespace, commas, the next object or the closing bracket
        (if (i32.eqz (local.get $rel))
          (then
            (if (i32.eq (local.get $c) (i32.const 0x0a)) (then (local.set $line (i32.add (local.get $line) (i32.const 1))) (br $next)))
            (br_if $next (i32.or (i32.or (i32.eq (local.get $c) (i32.const 0x20)) (i32.eq (local.get $c) (i32.const 0x2c)))
                                 (i32.or (i32.eq (local.get $c) (i32.const 0x09)) (i32.eq (local.get $c) (i32.const 0x0d)))))
            (if (i32.eq (local.get $c) (i32.const 0x7b))
              (then
                (global.set $itemStart (local.get $o))
                (global.set $capLine (local.get $line))
                (i32.store8 (local.get $o) (local.get $c))
                (local.set $o (i32.add (local.get $o) (i32.const 1)))
                (local.set $hi (i32.const 0)) (local.set $deepest (i32.const 1)) (local.set $rel (i32.const 1))
                (local.set $prev (i32.const 0x7b))
                (br $next)))
            (global.set $stopAt (i32.sub (local.get $i) (i32.const 1)))
            (local.set $status (select (i32.const 1) (i32.const 2) (i32.eq (local.get $c) (i32.const 0x5d))))
            (br $done)))
        ;; indentation after a newline: crossed sixteen bytes at a time
        (if (i32.and (i32.eq (local.get $prev) (i32.const 0x0a)) (i32.eq (local.get $c) (i32.const 0x20)))
          (then
            (block $indent
              (loop $more
                (br_if $indent (i32.gt_u (i32.add (local.get $i) (i32.const 16)) (local.get $n)))
                (local.set $m (i32.xor (i8x16.bitmask (i8x16.eq (v128.load (local.get $i)) (i8x16.splat (i32.const 0x20)))) (i32.const 0xffff)))
                (if (i32.eqz (local.get $m)) (then (local.set $i (i32.add (local.get $i) (i32.const 16))) (br $more)))
                (local.set $i (i32.add (local.get $i) (i32.ctz (local.get $m))))))
            (br $next)))
        ;; other whitespace: dropped after a newline or `{ [ : ,` (no two tokens can meet), kept otherwise
        (if (i32.or (i32.eq (local.get $c) (i32.const 0x20)) (i32.or (i32.eq (local.get $c) (i32.const 0x09)) (i32.eq (local.get $c) (i32.const 0x0d))))
          (then
            (br_if $next (i32.or (i32.or (i32.eq (local.get $prev) (i32.const 0x0a)) (i32.eq (local.get $prev) (i32.const 0x3a)))
                                 (i32.or (i32.eq (local.get $prev) (i32.const 0x2c))
                                         (i32.or (i32.eq (local.get $prev) (i32.const 0x7b)) (i32.eq (local.get $prev) (i32.const 0x5b))))))))
        (i32.store8 (local.get $o) (local.get $c))
        (local.set $o (i32.add (local.get $o) (i32.const 1)))
        (local.set $prev (local.get $c))
        (local.set $hi (i32.or (local.get $hi) (local.get $c)))
        (if (i32.eq (local.get $c) (i32.const 0x22)) (then (local.set $inStr (i32.const 1)) (br $next)))
        (if (i32.eq (local.get $c) (i32.const 0x0a)) (then (local.set $line (i32.add (local.get $line) (i32.const 1))) (br $next)))
        ;; `{` or `[`
        (if (i32.eq (i32.or (local.get $c) (i32.const 0x20)) (i32.const 0x7b))
          (then
            (local.set $rel (i32.add (local.get $rel) (i32.const 1)))
            (if (i32.gt_u (local.get $rel) (local.get $deepest)) (then (local.set $deepest (local.get $rel))))
            (br $next)))
        ;; `}` or `]`: the element ends when its nesting returns to 0
        (if (i32.eq (i32.or (local.get $c) (i32.const 0x20)) (i32.const 0x7d))
          (then
            (local.set $rel (i32.sub (local.get $rel) (i32.const 1)))
            (if (i32.eqz (local.get $rel))
              (then
                (local.set $t (i32.add (i32.const 1048576) (i32.shl (global.get $items) (i32.const 4))))
                (i32.store (local.get $t) (global.get $itemStart))
                (i32.store offset=4 (local.get $t) (local.get $o))
                (i32.store offset=8 (local.get $t) (global.get $capLine))
                (i32.store offset=12 (local.get $t)
                  (i32.or (i32.and (i32.shr_u (local.get $hi) (i32.const 7)) (i32.const 1))
                          (select (i32.const 2) (i32.const 0) (i32.gt_u (local.get $deepest) (i32.const 128)))))
                (global.set $items (i32.add (global.get $items) (i32.const 1)))))))
        (br $next)))
    (global.set $o (local.get $o)) (global.set $inStr (local.get $inStr)) (global.set $esc (local.get $esc))
    (global.set $rel (local.get $rel)) (global.set $line (local.get $line)) (global.set $hi (local.get $hi))
    (global.set $deepest (local.get $deepest)) (global.set $prev (local.get $prev))
    (local.get $status)))
