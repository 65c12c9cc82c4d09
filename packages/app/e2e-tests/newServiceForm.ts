import { expect, Locator, Page } from '@playwright/test';
import { openAsGuest } from './openAsGuest';

/**
 * The new-service template's form as the e2e tests fill it: its fields by their labels, and the
 * steps a person takes in them.
 */
export class NewServiceForm {
  constructor(private readonly page: Page) {}

  /** The id field (the plugin's `ServiceRegistryNewServiceId`). */
  get id(): Locator {
    return this.page.getByRole('textbox', { name: /^Id/ });
  }

  /** The project field (the plugin's `ServiceRegistryProject`), once the scope is a project. */
  get project(): Locator {
    return this.page.getByRole('textbox', { name: /^Project/ });
  }

  /** The required services' picker. */
  get requires(): Locator {
    return this.page.getByRole('textbox', {
      name: 'Required services',
      exact: true,
    });
  }

  /** Opens the form as the guest and waits for its first page. */
  async open(): Promise<void> {
    await openAsGuest(
      this.page,
      '/create/templates/default/service-registry-new-service',
    );
    await expect(this.id).toBeVisible({ timeout: 90_000 });
  }

  /** Picks the platform team as the owner (the scaffolder's owner picker). */
  async pickPlatformOwner(): Promise<void> {
    const owner = this.page.getByRole('textbox', {
      name: 'Owner',
      exact: true,
    });
    await owner.click();
    await owner.fill('Platform');
    await this.page
      .getByRole('option', { name: /Platform team/i })
      .first()
      .click();
  }

  /** Chooses the scope: `A project` or `Global`. */
  async chooseScope(scope: RegExp): Promise<void> {
    await this.page.getByRole('button', { name: /^Scope/ }).click();
    await this.page.getByRole('option', { name: scope }).click();
  }

  /** Types into a picker and picks the first option that matches. */
  async pick(picker: Locator, text: string, option: RegExp): Promise<void> {
    await picker.click();
    await picker.fill(text);
    await this.page.getByRole('option', { name: option }).first().click();
  }

  /** Presses the form's Next button. */
  async next(): Promise<void> {
    await this.page.getByRole('button', { name: 'Next' }).click();
  }
}
