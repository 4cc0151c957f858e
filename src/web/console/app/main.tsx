import { render } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { useRoute } from './router';
import { logOut, onSession, refresh, session, type SessionInfo } from './session';
import { AnalyticsView } from './views/analytics';
import { ApprovalsView } from './views/approvals';
import { ConversationView } from './views/conversation';
import { InboxView } from './views/inbox';
import { KnowledgeView } from './views/knowledge';
import { InviteView, LoginView } from './views/login';
import { SettingsView } from './views/settings';

const sections = [
  ['inbox', 'Inbox', '#/inbox'],
  ['approvals', 'Approvals', '#/approvals'],
  ['knowledge', 'Knowledge', '#/knowledge'],
  ['settings', 'Settings', '#/settings'],
  ['analytics', 'Analytics', '#/analytics'],
] as const;

function App() {
  const route = useRoute();
  const [current, setCurrent] = useState<SessionInfo | undefined>(session());
  const [checked, setChecked] = useState(false);
  useEffect(() => {
    const stop = onSession(setCurrent);
    // A page load resumes the session from the refresh cookie when there is one.
    void refresh().finally(() => setChecked(true));
    return () => void stop();
  }, []);

  if (route.name === 'invite' && !current) return <InviteView token={route.token} />;
  if (!checked)
    return (
      <main class="boot" aria-busy="true">
        Loading the console…
      </main>
    );
  if (!current) return <LoginView />;

  const active = route.name === 'conversation' ? 'inbox' : route.name;
  return (
    <div class="shell">
      <header class="topbar">
        <span class="brand">Concierge</span>
        <span class="store">{current.store.name}</span>
        <nav aria-label="Sections">
          {sections.map(([name, label, href]) => (
            <a href={href} aria-current={active === name ? 'page' : undefined} key={name}>
              {label}
            </a>
          ))}
        </nav>
        <span class="who">
          {current.operator.name} <span class="role">{current.operator.role}</span>
        </span>
        <button type="button" class="link" onClick={() => void logOut()}>
          Log out
        </button>
      </header>
      <main class="content" id="main">
        {route.name === 'inbox' && <InboxView />}
        {route.name === 'conversation' && <ConversationView id={route.id} />}
        {route.name === 'approvals' && <ApprovalsView />}
        {route.name === 'knowledge' && <KnowledgeView />}
        {route.name === 'settings' && <SettingsView />}
        {route.name === 'analytics' && <AnalyticsView />}
        {route.name === 'invite' && <p>You are already logged in as {current.operator.email}. Log out to accept this invitation.</p>}
      </main>
    </div>
  );
}

render(<App />, document.getElementById('app')!);
