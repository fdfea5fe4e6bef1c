export { createTimelineCollector, type TimelineCollector } from './collector.js';
export { DEFAULT_TIMELINE_OPTIONS, type TimelineOptions } from './options.js';
