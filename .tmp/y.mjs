import { parseAllDocuments } from 'yaml';
const src = `# top comment
---
apiVersion: v1   # trailing
kind: ConfigMap
metadata: {name: a, namespace: b}
data:
  k: "v"
  list:
  - a
  - b
---
# c2
apiVersion: v1
kind: Service
metadata:
  name: s
spec:
  ports:
    - {port: 80}
`;
const docs = parseAllDocuments(src);
for (const d of docs) { console.log(JSON.stringify(d.range), JSON.stringify(src.slice(d.range[0], d.range[1]))); console.log(JSON.stringify(d.toString({flowCollectionPadding:false, lineWidth:0})));
 const n = d.getIn(['metadata','name'], true); console.log(n?.range, n?.type); }
