import {
  contactEventSignal,
  migrateSignal,
  moveSignal,
  pauseSignal,
  removeSignal,
  positionQuery,
  resumeSignal,
  stopSignal,
  type ContactEventSignal,
  type JourneyPosition,
  type MigrateSignal,
  type MoveSignal,
  type RemoveSignal,
} from '@tend/journey/ir';
import { defineQuery, defineSignal } from '@temporalio/workflow';

// What routing and the console send to a running journey (names from the contract in @tend/journey/ir).
export const contactEvent = defineSignal<[ContactEventSignal]>(contactEventSignal);
export const pause = defineSignal(pauseSignal);
export const resume = defineSignal(resumeSignal);
export const stop = defineSignal(stopSignal);
export const migrate = defineSignal<[MigrateSignal]>(migrateSignal);
export const remove = defineSignal<[RemoveSignal]>(removeSignal);
export const move = defineSignal<[MoveSignal]>(moveSignal);
export const position = defineQuery<JourneyPosition>(positionQuery);
