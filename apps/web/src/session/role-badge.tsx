import type { Role } from '../trpc';
import { Badge, type BadgeTone } from '../ui/badge';

const tones: Record<Role, BadgeTone> = { owner: 'accent', admin: 'info', marketer: 'good', analyst: 'neutral' };

export function RoleBadge({ role }: { role: Role }) {
  return <Badge tone={tones[role]}>{role}</Badge>;
}
