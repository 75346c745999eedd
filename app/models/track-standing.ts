/** Where the rep stands on the whole track, for what the page offers after this module. */
export type TrackStanding = {
  done: number;
  total: number;
  /** The first module still to do in track order, other than this one. */
  nextModule: { slug: string; title: string } | null;
  /** The active certification once nothing is left to do on the track. */
  certificationId: string | null;
  /** Every module is done but the first-attempt score missed the pass mark. */
  belowPassMark: boolean;
};
