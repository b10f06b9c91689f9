import PriceChangeIcon from '@mui/icons-material/PriceChange';
import { lazy } from 'react';

export const rateCards = {
  list: lazy(() => import('./RateCardList')),
  show: lazy(() => import('./RateCardShow')),
  create: lazy(() => import('./RateCardCreate')),
  icon: PriceChangeIcon,
};
