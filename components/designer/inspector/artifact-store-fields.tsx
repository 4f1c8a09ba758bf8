"use client";

import { asObject, asString, compact, type JsonObject } from "@/lib/domain/json";
import { DEFAULT_REGION, SORTED_REGIONS as REGIONS } from "@/lib/domain/catalog/regions";
import { joinPath } from "@/lib/domain/validation/path";
import { FieldDiagnostics } from "./field-diagnostics";
import { RegionField, SelectField, SmallButton, TextField } from "./fields";


interface Props {
  readonly declaration: JsonObject;
  readonly update: (patch: JsonObject) => void;
}

/** A store `{type: "S3", location, encryptionKey?}` with one member changed. */
function withStore(store: JsonObject, location: string, kmsKey: string): JsonObject {
  const next = {
    ...store,
    type: "S3",
    location,
    encryptionKey: kmsKey === "" ? undefined : { ...asObject(store.encryptionKey), id: kmsKey, type: "KMS" },
  };
  return compact(next) ?? {};
}

/**
 * One artifact bucket (`artifactStore`) or one per region (`artifactStores`, required once an
 * action runs in another region). CodePipeline accepts exactly one of the two.
 */
export function ArtifactStoreFields({ declaration, update }: Props) {
  const perRegion = declaration.artifactStores !== undefined;
  const single = asObject(declaration.artifactStore);
  const stores = asObject(declaration.artifactStores);
  const regions = Object.keys(stores);

  const switchMode = (mode: string) => {
    if (mode === "regions" && !perRegion) {
      update({ artifactStore: undefined, artifactStores: { [DEFAULT_REGION]: compact(single) ?? { type: "S3", location: "" } } });
    } else if (mode === "single" && perRegion) {
      update({ artifactStores: undefined, artifactStore: asObject(stores[regions[0] ?? ""]) });
    }
  };
  const setStores = (next: JsonObject) => update({ artifactStores: next });

  return (
    <div className="flex flex-col gap-3">
      <SelectField
        label="Artifact storage"
        path="artifactStoreMode"
        value={perRegion ? "regions" : "single"}
        options={[
          { value: "single", label: "One bucket (artifactStore)" },
          { value: "regions", label: "One bucket per region (artifactStores)" },
        ]}
        onChange={switchMode}
      />
      {!perRegion && (
        <div className="flex flex-col gap-3" data-path="artifactStore" tabIndex={-1}>
          <TextField
            label="Artifact bucket"
            path="artifactStore.location"
            value={asString(single.location)}
            required
            onChange={(v) => update({ artifactStore: withStore(single, v, asString(asObject(single.encryptionKey).id)) })}
          />
          <TextField
            label="KMS key"
            path="artifactStore.encryptionKey"
            value={asString(asObject(single.encryptionKey).id)}
            placeholder="(AWS managed key)"
            onChange={(v) => update({ artifactStore: withStore(single, asString(single.location), v) })}
          />
          <FieldDiagnostics path="artifactStore" exact />
        </div>
      )}
      {perRegion && (
        <div className="flex flex-col gap-3" data-path="artifactStores" tabIndex={-1}>
          <FieldDiagnostics path="artifactStores" exact />
          {regions.map((region, i) => {
            const store = asObject(stores[region]);
            const path = joinPath("artifactStores", region);
            const rename = (to: string) => {
              // Rebuild the map so the region keeps its position.
              const next: JsonObject = {};
              for (const r of regions) next[r === region ? to : r] = stores[r];
              setStores(next);
            };
            return (
              <div key={region} className="flex flex-col gap-2 rounded-md border border-slate-200 p-2 dark:border-slate-800">
                <div className="flex items-start gap-2">
                  <div className="flex-1">
                    <RegionField label={`Store ${i + 1} region`} path={path} exact value={region} exclude={regions} onChange={rename} />
                  </div>
                  <SmallButton
                    tone="danger"
                    label={`Remove store ${i + 1}`}
                    onClick={() => setStores(Object.fromEntries(regions.filter((r) => r !== region).map((r) => [r, stores[r]])))}
                  >
                    Remove
                  </SmallButton>
                </div>
                <TextField
                  label={`Store ${i + 1} bucket`}
                  path={`${path}.location`}
                  value={asString(store.location)}
                  required
                  onChange={(v) => setStores({ ...stores, [region]: withStore(store, v, asString(asObject(store.encryptionKey).id)) })}
                />
                <TextField
                  label={`Store ${i + 1} KMS key`}
                  path={`${path}.encryptionKey`}
                  value={asString(asObject(store.encryptionKey).id)}
                  placeholder="(AWS managed key)"
                  onChange={(v) => setStores({ ...stores, [region]: withStore(store, asString(store.location), v) })}
                />
              </div>
            );
          })}
          <div>
            <SmallButton
              label="Add regional store"
              onClick={() => {
                const free = REGIONS.find((r) => !regions.includes(r));
                if (free) setStores({ ...stores, [free]: { type: "S3", location: "" } });
              }}
            >
              + Region
            </SmallButton>
          </div>
        </div>
      )}
    </div>
  );
}
