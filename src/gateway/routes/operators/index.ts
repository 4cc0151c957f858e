import type { FastifyInstance } from 'fastify';
import type { OperatorService } from '../../../core/operator-service';
import type { StoreService } from '../../../core/store-service';
import { operatorManagementRoutes } from './manage';
import { operatorSessionRoutes } from './session';

/** Operators (the console's users) and their sessions. */
export async function operatorRoutes(app: FastifyInstance, deps: { operators: OperatorService; stores: StoreService }) {
  await app.register(operatorSessionRoutes, deps);
  await app.register(operatorManagementRoutes, deps);
}
