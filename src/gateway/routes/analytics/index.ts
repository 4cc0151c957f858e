import type { FastifyInstance } from 'fastify';
import type { AnalyticsReader } from '../../../core/ports/analytics';
import { analyticsRoutes } from './summary';

/** The analytics API. */
export function analyticsSurface(analytics: AnalyticsReader) {
  return async (app: FastifyInstance) => app.register(analyticsRoutes, { analytics });
}
