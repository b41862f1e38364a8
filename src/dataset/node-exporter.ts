// node_exporter on the three hosts: CPU time per cpu and mode, memory,
// filesystems and network traffic.

import { roundTo } from './histogram.js';
import { Rng } from './random.js';
import { cumulate, type Emitter } from './target.js';
import { SAMPLE_START } from './timeline.js';

export const NODE_HOSTS = ['node-1:9100', 'node-2:9100', 'node-3:9100'];
const CPUS = 4;
const GiB = 1024 ** 3;

/** Typical shares of each non-idle mode at traffic factor 1; idle takes the rest. */
const MODES: [string, number][] = [
  ['user', 0.22],
  ['system', 0.06],
  ['iowait', 0.012],
  ['irq', 0.001],
  ['softirq', 0.008],
  ['nice', 0.002],
  ['steal', 0.003],
];

/** The hosts booted days before the window. */
export function hostBootTime(host: string): number {
  return SAMPLE_START - 86400 * (9 + NODE_HOSTS.indexOf(host) * 4) - 4321;
}

export function emitNodeExporter(em: Emitter, hostIndex: number): void {
  emitCpu(em, hostIndex);
  emitMemory(em, hostIndex);
  emitFilesystems(em, hostIndex);
  emitNetwork(em);
}

function emitCpu(em: Emitter, hostIndex: number): void {
  const t = em.target;
  const uptime = t.times[0] / 1000 - hostBootTime(t.instance);
  const load = 0.8 + 0.2 * hostIndex;
  for (let cpu = 0; cpu < CPUS; cpu++) {
    const rng = new Rng(`nodecpu/${t.instance}/${cpu}`);
    const perMode = MODES.map(() => new Float64Array(t.n));
    const idle = new Float64Array(t.n);
    for (let i = 0; i < t.n; i++) {
      const f = t.traffic[i] * load;
      let busy = 0;
      for (let m = 0; m < MODES.length; m++) {
        // Uniform noise: this loop runs ~1M times, Gaussian draws would dominate the generation time.
        const share = MODES[m][1] * f * (0.75 + 0.5 * rng.next());
        perMode[m][i] = share * t.dt[i];
        busy += share;
      }
      idle[i] = Math.max(0, 1 - busy) * t.dt[i];
    }
    // USER_HZ: the kernel counts in 1/100 s.
    const write = (mode: string, incs: Float64Array, share: number) =>
      em.emit(
        'node_cpu_seconds_total',
        { cpu: String(cpu), mode },
        cumulate(t, incs, uptime * share).map((v) => roundTo(v, 2)),
      );
    const busyShare = MODES.reduce((a, [, s]) => a + s * load, 0);
    write('idle', idle, 1 - busyShare);
    MODES.forEach(([mode, share], m) => write(mode, perMode[m], share * load));
  }
}

function emitMemory(em: Emitter, hostIndex: number): void {
  const t = em.target;
  const rng = new Rng(`nodemem/${t.instance}`);
  const total = 16 * GiB - 371 * 1024 * 1024 - hostIndex * 4096 * 3;
  const avail = new Float64Array(t.n);
  let drift = 0;
  for (let i = 0; i < t.n; i++) {
    drift = 0.98 * drift + 0.004 * rng.gauss();
    const used = 0.38 + 0.05 * hostIndex + 0.06 * (t.traffic[i] - 1) + drift;
    avail[i] = Math.round((total * (1 - used)) / 4096) * 4096;
  }
  em.emit('node_memory_MemTotal_bytes', {}, new Float64Array(t.n).fill(total));
  em.emit('node_memory_MemAvailable_bytes', {}, avail);
}

const FILESYSTEMS = [
  { device: '/dev/nvme0n1p1', mountpoint: '/', fstype: 'ext4', size: 100 * GiB - 7 * 1024 ** 2 * 97, used: 0.41, growth: 2e4 },
  { device: '/dev/nvme1n1', mountpoint: '/var/lib/docker', fstype: 'xfs', size: 200 * GiB, used: 0.55, growth: 6e4 },
];

function emitFilesystems(em: Emitter, hostIndex: number): void {
  const t = em.target;
  for (const fs of FILESYSTEMS) {
    const rng = new Rng(`fs/${t.instance}/${fs.mountpoint}`);
    const avail = new Float64Array(t.n);
    // Logs and images fill the disks slowly; a log rotation frees some space now and then.
    let used = fs.size * (fs.used + 0.07 * hostIndex);
    for (let i = 0; i < t.n; i++) {
      used += fs.growth * t.dt[i] * (1 + hostIndex) * (0.5 + rng.next());
      if (rng.next() < 0.002) used -= 0.004 * fs.size;
      avail[i] = Math.round((fs.size - used) / 4096) * 4096;
    }
    const labels = { device: fs.device, mountpoint: fs.mountpoint, fstype: fs.fstype };
    em.emit('node_filesystem_size_bytes', labels, new Float64Array(t.n).fill(fs.size));
    em.emit('node_filesystem_avail_bytes', labels, avail);
  }
}

function emitNetwork(em: Emitter): void {
  const t = em.target;
  const uptime = t.times[0] / 1000 - hostBootTime(t.instance);
  for (const [device, bytesPerSecond] of [
    ['eth0', 2.4e6],
    ['lo', 3.1e5],
  ] as const) {
    const rng = new Rng(`net/${t.instance}/${device}`);
    const rx = new Float64Array(t.n);
    const tx = new Float64Array(t.n);
    for (let i = 0; i < t.n; i++) {
      const base = bytesPerSecond * t.traffic[i] * t.dt[i];
      rx[i] = Math.max(0, Math.round(base * (1 + 0.1 * rng.gauss())));
      tx[i] = device === 'lo' ? rx[i] : Math.max(0, Math.round(base * 1.7 * (1 + 0.1 * rng.gauss())));
    }
    em.emit('node_network_receive_bytes_total', { device }, cumulate(t, rx, Math.round(uptime * bytesPerSecond)));
    em.emit(
      'node_network_transmit_bytes_total',
      { device },
      cumulate(t, tx, Math.round(uptime * bytesPerSecond * (device === 'lo' ? 1 : 1.7))),
    );
  }
}
