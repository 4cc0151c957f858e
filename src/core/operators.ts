import type { Scope } from './scopes';

/** The people of a store who use the console, and what each role may do. */
export const operatorRoles = ['owner', 'admin', 'agent'] as const;
export type OperatorRole = (typeof operatorRoles)[number];

export interface Operator {
  id: string;
  storeId: string;
  email: string;
  name: string;
  role: OperatorRole;
  /** False until an invited operator chooses a password. */
  active: boolean;
  createdAt: Date;
  lastLoginAt: Date | null;
}

/**
 * A session's scopes follow from the role: agents work conversations and the approval queue;
 * admins also change settings, knowledge, keys and operators; owners also manage owners.
 */
export const roleScopes: Record<OperatorRole, Scope[]> = {
  owner: ['admin'],
  admin: ['admin'],
  agent: ['conversations:read', 'conversations:write', 'actions:approve'],
};

/** Whether an operator of role `actor` may create, change or remove one of role `target`. */
export const mayManage = (actor: OperatorRole, target: OperatorRole): boolean => actor === 'owner' || (actor === 'admin' && target !== 'owner');
