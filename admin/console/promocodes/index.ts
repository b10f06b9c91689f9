import LocalOfferIcon from '@mui/icons-material/LocalOffer';
import { lazy } from 'react';

export const promoCodes = {
  list: lazy(() => import('./PromoCodeList')),
  create: lazy(() => import('./PromoCodeCreate')),
  icon: LocalOfferIcon,
};
