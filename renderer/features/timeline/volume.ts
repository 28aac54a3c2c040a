import type { Platform, VolumeBucket } from '../../../shared/model';
import { api } from '../../api';
import type { VolumeRange } from './windows';

/** Volume per bucket for the chart; the core reads minute, 15-minute or hourly rollups as fits. */
export function fetchVolume(range: VolumeRange): Promise<{ buckets: VolumeBucket[]; platforms: Platform[] }> {
  return api.call('timeline.volume', range);
}
