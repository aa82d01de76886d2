import { health } from '../../app/health.js';
import type { ClusterTarget } from '../../app/cluster.js';
import type { CommandModule } from '../command.js';
import { stderrProgress } from '../live-progress.js';
import { prometheusSettings, type PromFlags } from '../prometheus-flags.js';

interface HealthFlags extends ClusterTarget, PromFlags {
  readonly pushgateway?: string;
  readonly job: string;
}

/** `kubetune health`: the health record as one JSON log line on stdout (see app/health.ts). */
export const healthCommand: CommandModule<HealthFlags> = {
  async run(_args, flags, ctx) {
    await health(
      flags,
      {
        ...(flags.prometheus ? { prometheus: prometheusSettings(flags, ctx.io.env, 'health') } : {}),
        ...(flags.pushgateway ? { pushgateway: { url: flags.pushgateway, job: flags.job } } : {}),
      },
      {
        env: ctx.io.env,
        clock: ctx.io,
        log: ctx.io.stderr,
        progress: stderrProgress(ctx.io.stderr, { summary: false }),
        onRecord: (record) => ctx.io.stdout.write(`${JSON.stringify({ kind: 'kubetune.health', ...record })}\n`),
      },
    );
  },
};
