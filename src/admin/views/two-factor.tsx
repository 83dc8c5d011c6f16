/** Two-factor sign-in screens: the code step of sign-in, enrolment, recovery codes. */
import type { User } from '../../auth/index.js'
import { AdminLayout, Csrf, ErrorBox, Field, Notice } from './layout.js'

export function SecondFactorPage(props: { csrf: string; token: string; error?: string }) {
  return (
    <AdminLayout title="Enter your code" narrow>
      <h1>Enter your code</h1>
      <p>Open your authenticator app and type the six-digit code, or one of your recovery codes.</p>
      <ErrorBox message={props.error} />
      <form class="stack" method="post" action="/admin/login/code">
        <Csrf token={props.csrf} />
        <input type="hidden" name="token" value={props.token} />
        <Field id="code" label="Code" required autocomplete="one-time-code" />
        <div class="actions">
          <button type="submit">Sign in</button>
        </div>
      </form>
    </AdminLayout>
  )
}

export function TwoFactorPage(props: {
  user: User
  csrf: string
  enabled: boolean
  recoveryCodesLeft: number
  required: boolean
  /** For the owner: whether the newsroom requires it (undefined for everyone else). */
  requireForRoles?: boolean | undefined
  enrolment?: { secret: string; qrDataUrl: string } | undefined
  recoveryCodes?: string[] | undefined
  error?: string | undefined
  notice?: string | undefined
}) {
  return (
    <AdminLayout title="Two-factor sign-in" user={props.user} csrf={props.csrf}>
      <h1>Two-factor sign-in</h1>
      <Notice message={props.notice} />
      <ErrorBox message={props.error} />
      {props.recoveryCodes && (
        <section aria-labelledby="codes">
          <h2 id="codes">Your recovery codes</h2>
          <p>
            Keep these somewhere safe. Each works once, in place of a code from your phone. They are
            not shown again.
          </p>
          <ul class="recovery-codes">
            {props.recoveryCodes.map((code) => (
              <li key={code}>
                <code>{code}</code>
              </li>
            ))}
          </ul>
        </section>
      )}
      {props.enabled ? (
        <section aria-labelledby="on">
          <h2 id="on">On</h2>
          <p>
            Signing in asks for a code from your authenticator app. {props.recoveryCodesLeft}{' '}
            recovery codes left.
          </p>
          {!props.required && (
            <form class="stack" method="post" action="/admin/account/two-factor/disable">
              <Csrf token={props.csrf} />
              <Field id="code" label="Code to turn it off" required autocomplete="one-time-code" />
              <div class="actions">
                <button type="submit" class="danger">
                  Turn off two-factor sign-in
                </button>
              </div>
            </form>
          )}
        </section>
      ) : (
        props.enrolment && (
          <section aria-labelledby="setup">
            <h2 id="setup">Set it up</h2>
            {props.required && <p>Your newsroom requires two-factor sign-in for your role.</p>}
            <p>Scan this code with an authenticator app, then type the code it shows.</p>
            <img
              src={props.enrolment.qrDataUrl}
              alt="QR code for your authenticator app"
              width={200}
              height={200}
            />
            <p class="hint">
              Or type this key: <code>{props.enrolment.secret}</code>
            </p>
            <form class="stack" method="post" action="/admin/account/two-factor">
              <Csrf token={props.csrf} />
              <input type="hidden" name="secret" value={props.enrolment.secret} />
              <Field id="code" label="Code" required autocomplete="one-time-code" />
              <div class="actions">
                <button type="submit">Turn on two-factor sign-in</button>
              </div>
            </form>
          </section>
        )
      )}
      {props.requireForRoles !== undefined && (
        <section aria-labelledby="policy">
          <h2 id="policy">For your newsroom</h2>
          <form class="stack" method="post" action="/admin/account/two-factor/require">
            <Csrf token={props.csrf} />
            <input type="hidden" name="required" value={props.requireForRoles ? '' : '1'} />
            <p>
              {props.requireForRoles
                ? 'Editors, admins and you must sign in with a second factor.'
                : 'Two-factor sign-in is optional for everyone.'}
            </p>
            <div class="actions">
              <button type="submit">
                {props.requireForRoles
                  ? 'Make it optional'
                  : 'Require it for editors, admins and the owner'}
              </button>
            </div>
          </form>
        </section>
      )}
    </AdminLayout>
  )
}
