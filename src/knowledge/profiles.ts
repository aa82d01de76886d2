/**
 * Threshold profiles: the names and each profile's values. The values are the threshold catalogue of
 * ./thresholds/ (one entry per number, with its source); this module keeps the long-standing import path.
 */
export { isProfileName, PROFILE_NAMES, type ProfileName } from './thresholds/profile-names.js';
export { PROFILES, thresholdsFor, type Thresholds } from './thresholds/catalogue.js';
export type { Ceiling, Range } from './thresholds/types.js';
