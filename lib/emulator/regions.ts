/**
 * The emulator's regions: one service (database file, definition store, execution engine) per
 * region, as CodePipeline keeps pipelines per account and region
 * (https://docs.aws.amazon.com/codepipeline/latest/userguide/limits.html: names are unique per
 * account per region). A request lands in the region it was signed for (backend.ts).
 *
 * The home region's service is the emulator's face: its faults and request counter serve every
 * region, and `backend`/`definitions` are the home region's, as before regions were kept apart.
 * Other regions open on first use (a region CodePipeline does not operate in is answered by the
 * home region); a new data directory also opens and seeds every region with demo pipelines.
 */
import { existsSync } from "node:fs";
import path from "node:path";
import { isKnownRegion } from "@/lib/domain/catalog/regions";
import { databaseFileFor, DATABASE_FILE } from "./db";
import { DEMO_REGIONS } from "./executions/demo/regions";
import { HOME_REGION } from "./identity";
import { openService, type EmulatorService, type ServiceOptions } from "./service";

export interface RegionalEmulator extends EmulatorService {
  /** The service of `region`, opened on first use; the home region's for a region CodePipeline does not have. */
  inRegion(region: string): EmulatorService;
  /** The regions open now, the home region first. */
  openRegions(): string[];
  /** Simulated-time speed-up of every region (and of regions opened later). */
  setTimeScale(scale: number): void;
}

export function openRegions(options: ServiceOptions): RegionalEmulator {
  const fresh = !existsSync(path.join(options.dataDir, DATABASE_FILE));
  const home = openService({ ...options, region: HOME_REGION });
  const services = new Map<string, EmulatorService>([[HOME_REGION, home]]);
  let timeScale = options.timeScale ?? 1;

  const inRegion = (region: string): EmulatorService => {
    const wanted = isKnownRegion(region) ? region : HOME_REGION;
    let service = services.get(wanted);
    if (!service) {
      service = openService({ ...options, timeScale, region: wanted });
      services.set(wanted, service);
    }
    return service;
  };

  // Regions with state on disk resume their executions now, not on their first request; a new
  // data directory gets every region's demo pipelines at once.
  for (const region of DEMO_REGIONS) {
    if (fresh || existsSync(path.join(options.dataDir, databaseFileFor(region, HOME_REGION)))) inRegion(region);
  }

  const all = () => [...services.values()];
  return {
    ...home,
    inRegion,
    openRegions: () => [...services.keys()],
    setTimeScale(scale) {
      for (const service of all()) service.backend.engine.setTimeScale(scale);
      timeScale = scale;
    },
    reset() {
      for (const service of all()) service.reset();
    },
    seed() {
      for (const region of DEMO_REGIONS) inRegion(region);
      for (const service of all()) service.seed();
      return home.backend.store.names();
    },
    close() {
      for (const service of all()) service.close();
    },
  };
}
