import type { Locator } from 'playwright-core'
import { BasePage } from './base-page.js'

export class ArticlePage extends BasePage {
  async goto(path: string): Promise<void> {
    await this.page.goto(path)
  }

  replyLink(author: string): Locator {
    return this.page.getByRole('link', { name: `Reply to ${author}` }).first()
  }

  respondHeading(): Locator {
    return this.page.locator('#reply-title')
  }

  cancelReply(): Locator {
    return this.page.getByRole('link', { name: 'Cancel Reply' })
  }

  commentField(): Locator {
    return this.page.getByLabel('Comment *')
  }

  nameField(): Locator {
    return this.page.getByLabel('Name *')
  }

  emailField(): Locator {
    return this.page.getByLabel('Email *')
  }

  postButton(): Locator {
    return this.page.getByRole('button', { name: 'Post Comment' })
  }

  pendingNotice(): Locator {
    return this.page.getByRole('status').filter({ hasText: 'awaiting moderation' })
  }

  /** The id of the comment whose reply slot holds the form, or '' when it is at the foot. */
  formParentComment(): Promise<string> {
    return this.page.evaluate(
      () => document.querySelector('#respond')?.closest('li.comment')?.id ?? '',
    )
  }

  async postComment(fields: { comment: string; name: string; email: string }): Promise<void> {
    await this.commentField().fill(fields.comment)
    await this.nameField().fill(fields.name)
    await this.emailField().fill(fields.email)
    await this.postButton().click()
  }
}
