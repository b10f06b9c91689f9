import { cleanup, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { KeyBudgetDialog, type KeyBudget } from '../console/accounts/KeyBudgetDialog';
import type { UpdateApiKeyInput } from '../shared/gql/graphql';

afterEach(cleanup);

function setup(apiKey: KeyBudget) {
  const submit = vi.fn<(input: UpdateApiKeyInput) => Promise<unknown>>().mockResolvedValue({});
  const onDone = vi.fn();
  render(<KeyBudgetDialog apiKey={apiKey} onClose={() => undefined} submit={submit} onDone={onDone} />);
  return { submit, onDone, user: userEvent.setup({ delay: null }) };
}

const KEY: KeyBudget = { id: 'key-1', label: 'ci', spendLimitMillicredits: '2500', limitReset: 'DAILY', allowedModels: ['gpt-4o-mini'] };

describe('Key budget dialog', () => {
  it('shows the key as it is and saves the limit in exact millicredits, the reset and the models', async () => {
    const { submit, onDone, user } = setup(KEY);
    const limit = screen.getByLabelText(/Spend limit \(credits\)/);
    expect((limit as HTMLInputElement).value).toBe('2.5');
    await user.clear(limit);
    await user.type(limit, '1,234.567');
    expect(screen.getByText('1234567 millicredits per period')).toBeTruthy();
    const models = screen.getByLabelText(/Allowed models/);
    await user.clear(models);
    await user.type(models, 'gpt-4o-mini, claude-sonnet ,');
    await user.click(screen.getByRole('button', { name: 'Save' }));
    expect(submit).toHaveBeenCalledWith({
      label: 'ci',
      spendLimitMillicredits: '1234567',
      limitReset: 'DAILY',
      allowedModels: ['gpt-4o-mini', 'claude-sonnet'],
    });
    expect(onDone).toHaveBeenCalledTimes(1);
  });

  it('empty fields clear the limit and the model list; a bad amount is refused before any request', async () => {
    const { submit, user } = setup(KEY);
    const limit = screen.getByLabelText(/Spend limit \(credits\)/);
    await user.clear(limit);
    await user.type(limit, '1.2345');
    await user.click(screen.getByRole('button', { name: 'Save' }));
    expect(screen.getByText(/At most three decimals/)).toBeTruthy();
    expect(submit).not.toHaveBeenCalled();
    await user.clear(limit);
    await user.clear(screen.getByLabelText(/Allowed models/));
    await user.click(screen.getByRole('button', { name: 'Save' }));
    expect(submit).toHaveBeenCalledWith({ label: 'ci', spendLimitMillicredits: null, limitReset: 'DAILY', allowedModels: null });
  });
});
