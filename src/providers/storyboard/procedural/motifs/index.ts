import type { Motif } from '../frame';
import type { MotifName } from '../motif-choice';
import { abstract } from './abstract';
import { bokeh } from './bokeh';
import { city } from './city';
import { forest } from './forest';
import { mountain } from './mountain';
import { sea } from './sea';
import { space } from './space';
import { tech } from './tech';

export const MOTIFS: Readonly<Record<MotifName, Motif>> = { city, sea, mountain, tech, bokeh, space, forest, abstract };
