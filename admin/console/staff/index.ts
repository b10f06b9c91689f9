import BadgeIcon from '@mui/icons-material/Badge';
import { lazy } from 'react';

export const staffUsers = {
  list: lazy(() => import('./StaffPages').then((m) => ({ default: m.StaffList }))),
  create: lazy(() => import('./StaffPages').then((m) => ({ default: m.StaffCreate }))),
  edit: lazy(() => import('./StaffPages').then((m) => ({ default: m.StaffEdit }))),
  icon: BadgeIcon,
};
