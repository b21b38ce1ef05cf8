import { expect, type Page } from '@playwright/test';
import { WORKFLOW_LABELS, type WorkflowState } from '../../lib/workflow';

/** The review board at /edit/board. */
export class BoardPage {
  constructor(readonly page: Page) {}

  async open(query = '') {
    await this.page.goto(`/edit/board${query}`);
    await expect(this.page.getByRole('heading', { name: 'Review board' })).toBeVisible();
  }

  column(state: WorkflowState) {
    return this.page.getByRole('region', { name: new RegExp(`^${WORKFLOW_LABELS[state]} \\(`) });
  }

  async count(state: WorkflowState): Promise<number> {
    const heading = await this.column(state).getByRole('heading').innerText();
    return Number(/\((\d+)\)/.exec(heading)?.[1]);
  }

  card(state: WorkflowState, text: string) {
    return this.column(state).getByRole('listitem').filter({ hasText: text });
  }
}
