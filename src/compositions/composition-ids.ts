/** The compositions' ids, as the Studio, the renderers and Lambda name them; the registry maps each to its component. */
export const COMPOSITION_IDS = { video: 'ShortVideo', cover: 'Cover' } as const;

export type CompositionId = (typeof COMPOSITION_IDS)[keyof typeof COMPOSITION_IDS];
