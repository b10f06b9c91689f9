import StorefrontIcon from '@mui/icons-material/Storefront';
import { lazy } from 'react';

export const priceCatalog = { page: lazy(() => import('./CatalogPage')), icon: StorefrontIcon };
