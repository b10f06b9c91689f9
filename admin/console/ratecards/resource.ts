import type { RateCardsQuery } from '../../shared/gql/graphql';
import { api } from '../api';
import { pageLocally, type ResourceSpec } from '../dataProvider';
import { RateCardsQuery as Query } from './operations';

export type RateCard = RateCardsQuery['rateCards'][number];

async function all(): Promise<RateCard[]> {
  return (await api.request(Query)).rateCards;
}

export const rateCardsResource: ResourceSpec<RateCard> = {
  list: async (req) => pageLocally(await all(), req.sort.field === 'id' ? { ...req, sort: { field: 'version', order: 'DESC' } } : req),
  one: async (id) => {
    const card = (await all()).find((c) => c.id === String(id));
    if (!card) throw new Error(`Rate card ${id} not found`);
    return card;
  },
};
