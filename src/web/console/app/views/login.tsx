import { useState } from 'preact/hooks';
import { go } from '../router';
import { acceptInvite, ConciergeApiError, logIn } from '../session';

const messageOf = (error: unknown) => (error instanceof ConciergeApiError ? error.message : 'Something went wrong; try again.');

export function LoginView() {
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);
  const submit = async (event: Event) => {
    event.preventDefault();
    setBusy(true);
    setError('');
    try {
      await logIn(email, password);
    } catch (caught) {
      setError(messageOf(caught));
    } finally {
      setBusy(false);
    }
  };
  return (
    <main class="login">
      <form onSubmit={submit} aria-labelledby="login-title">
        <h1 id="login-title">Concierge console</h1>
        <label>
          E-mail
          <input name="email" type="email" autoComplete="username" required value={email} onInput={(e) => setEmail(e.currentTarget.value)} />
        </label>
        <label>
          Password
          <input
            name="password"
            type="password"
            autoComplete="current-password"
            required
            value={password}
            onInput={(e) => setPassword(e.currentTarget.value)}
          />
        </label>
        <p class="error" role="alert">
          {error}
        </p>
        <button type="submit" disabled={busy}>
          {busy ? 'Logging in…' : 'Log in'}
        </button>
      </form>
    </main>
  );
}

export function InviteView({ token }: { token: string }) {
  const [password, setPassword] = useState('');
  const [error, setError] = useState('');
  const submit = async (event: Event) => {
    event.preventDefault();
    try {
      await acceptInvite(token, password);
      go('/inbox');
    } catch (caught) {
      setError(messageOf(caught));
    }
  };
  return (
    <main class="login">
      <form onSubmit={submit} aria-labelledby="invite-title">
        <h1 id="invite-title">Join your team on Concierge</h1>
        <label>
          Choose a password (10 characters or more)
          <input
            name="password"
            type="password"
            autoComplete="new-password"
            minLength={10}
            required
            value={password}
            onInput={(e) => setPassword(e.currentTarget.value)}
          />
        </label>
        <p class="error" role="alert">
          {error}
        </p>
        <button type="submit">Accept and log in</button>
      </form>
    </main>
  );
}
