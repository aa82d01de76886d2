/** The threshold profiles a run can choose with `--profile` (GUIDE.md §1: the guide, its strict KPIs, the upstream SLOs). */
export const PROFILE_NAMES = ['guide', 'strict', 'upstream-slo'] as const;
export type ProfileName = (typeof PROFILE_NAMES)[number];
export const isProfileName = (s: string): s is ProfileName => (PROFILE_NAMES as readonly string[]).includes(s);
