import PeopleIcon from '@mui/icons-material/People';
import { lazy } from 'react';

export const accounts = {
  list: lazy(() => import('./AccountList')),
  show: lazy(() => import('./AccountShow')),
  create: lazy(() => import('./AccountCreate')),
  icon: PeopleIcon,
};
