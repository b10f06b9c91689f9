import GroupsIcon from '@mui/icons-material/Groups';
import { lazy } from 'react';

export const teams = {
  list: lazy(() => import('./TeamList')),
  show: lazy(() => import('./TeamShow')),
  create: lazy(() => import('./TeamCreate')),
  icon: GroupsIcon,
};
