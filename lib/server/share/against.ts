import "server-only";
import { defaultGateway } from "@/lib/aws/client";
import { describeGatewayError, GatewayException } from "@/lib/aws/errors";
import { readLiveIfAny } from "@/lib/aws/sync/live";
import { asString } from "@/lib/domain/json";
import type { DesignSnapshot } from "@/lib/domain/share/design-snapshot";
import { isSnapshotId } from "@/lib/domain/share/snapshot-id";
import { diffDeclarations } from "@/lib/domain/sync/diff";
import { describeChange, type ChangeView } from "@/lib/domain/sync/present";
import type { SnapshotRepository } from "@/lib/storage/snapshots";
import { readSnapshot } from "./read";
import type { Comparison } from "./results";

/**
 * `?against=<id>`: another design snapshot; `?against=live`: the pipeline of the snapshot's name
 * as CodePipeline has it now (GetPipeline, which masks secrets as the snapshot does, so a secret
 * shows no change). The changes read from the other side to this snapshot: what it adds to that.
 */
export async function compareSnapshot(
  snapshot: DesignSnapshot,
  against: string,
  snapshots: () => Promise<SnapshotRepository>,
): Promise<Comparison> {
  if (against === "live") {
    const name = asString(snapshot.declaration.name);
    const label = `the live pipeline “${name}”`;
    try {
      const live = await readLiveIfAny(name, defaultGateway());
      if (!live) return { against, label, error: `There is no pipeline named “${name}” on this backend to compare with.` };
      return { against, label, changes: changesBetween(live.declaration, snapshot.declaration) };
    } catch (thrown) {
      if (!(thrown instanceof GatewayException)) throw thrown;
      const { title, detail } = describeGatewayError(thrown.error);
      return { against, label, error: `${title} ${detail}` };
    }
  }
  const label = `snapshot ${against}`;
  if (!isSnapshotId(against)) return { against, label, error: "The address asks for a comparison with something that is not a snapshot id or “live”." };
  const other = await readSnapshot(against, snapshots);
  if (other.status === "not-found") return { against, label, error: "There is no snapshot with that id to compare with." };
  if (other.status === "corrupt") return { against, label, error: `That snapshot cannot be read: ${other.message}` };
  if (other.status === "execution-report") return { against, label, error: "That link is an execution report, not a design." };
  return { against, label: `“${other.snapshot.title}” (${against})`, changes: changesBetween(other.snapshot.declaration, snapshot.declaration) };
}

function changesBetween(before: unknown, after: unknown): ChangeView[] {
  return diffDeclarations(before, after).changes.map(describeChange);
}
