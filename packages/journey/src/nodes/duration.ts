import { z } from 'zod';

export const durationUnits = {
  seconds: 1_000,
  minutes: 60_000,
  hours: 3_600_000,
  days: 86_400_000,
  weeks: 604_800_000,
} as const;

/** A length of time as a marketer writes it: { amount: 4, unit: 'hours' }. */
export const durationSchema = z.object({
  amount: z.number({ message: 'enter an amount' }).positive('use a positive amount of time'),
  unit: z.enum(Object.keys(durationUnits) as [keyof typeof durationUnits], { message: 'choose seconds, minutes, hours, days or weeks' }),
});

export type Duration = z.infer<typeof durationSchema>;

export function durationMs(duration: Duration): number {
  return Math.round(duration.amount * durationUnits[duration.unit]);
}
