import { useEffect, useState } from 'preact/hooks';

/** Routes live in the URL fragment (#/inbox, #/conversations/<id>…): the server serves one page, and invitation tokens never reach a log. */
export type Route =
  | { name: 'inbox' }
  | { name: 'conversation'; id: string }
  | { name: 'approvals' }
  | { name: 'knowledge' }
  | { name: 'settings' }
  | { name: 'analytics' }
  | { name: 'invite'; token: string };

export function parse(hash: string): Route {
  const parts = hash.replace(/^#\/?/, '').split('/');
  switch (parts[0]) {
    case 'conversations':
      return parts[1] ? { name: 'conversation', id: parts[1] } : { name: 'inbox' };
    case 'approvals':
    case 'knowledge':
    case 'settings':
    case 'analytics':
      return { name: parts[0] };
    case 'invite':
      return { name: 'invite', token: parts[1] ?? '' };
    default:
      return { name: 'inbox' };
  }
}

export const go = (path: string) => {
  location.hash = path;
};

export function useRoute(): Route {
  const [route, setRoute] = useState(() => parse(location.hash));
  useEffect(() => {
    const update = () => setRoute(parse(location.hash));
    addEventListener('hashchange', update);
    return () => removeEventListener('hashchange', update);
  }, []);
  return route;
}
