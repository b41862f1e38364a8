// Routing an alert through the tree, as Alertmanager's dispatch/route.go
// (Route.Match): depth first, the first matching child wins unless it has
// `continue: true`; a route none of whose children match is itself the
// match. What `amtool config routes test` prints.

import type { Metric } from '../model/result.js';
import type { Route } from './config.js';
import { matchesAll, matcherText } from './matchers.js';

export function matchRoutes(route: Route, labels: Metric): Route[] {
  if (!matchesAll(route.matchers, labels)) return [];
  const all: Route[] = [];
  for (const child of route.routes) {
    const m = matchRoutes(child, labels);
    all.push(...m);
    if (m.length > 0 && !child.continue) break;
  }
  return all.length ? all : [route];
}

/** The labels an aggregation group is keyed by. */
export function groupLabels(route: Route, labels: Metric): Metric {
  if (route.groupByAll) return { ...labels };
  const out: Metric = {};
  for (const n of route.groupBy) if (labels[n] !== undefined && labels[n] !== '') out[n] = labels[n]!;
  return out;
}

/** A route as people read it: {severity="page"} or "(root)". */
export function routeText(route: Route): string {
  return route.matchers.length ? `{${route.matchers.map(matcherText).join(', ')}}` : route.id === 'root' ? '(root)' : '{}';
}
