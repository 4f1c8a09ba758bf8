"use client";

import { DEFAULT_REGION, SORTED_REGIONS as REGIONS } from "@/lib/domain/catalog/regions";
import { joinPath } from "@/lib/domain/validation/path";
import { FieldDiagnostics } from "./field-diagnostics";
import { SelectField, SmallButton, TextField } from "./fields";
import { compact, obj, str, type Json } from "./json-read";


interface Props {
  readonly declaration: Json;
  readonly update: (patch: Json) => void;
}

/** A store `{type: "S3", location, encryptionKey?}` with one member changed. */
function withStore(store: Json, location: string, kmsKey: string): Json {
  const next = {
    ...store,
    type: "S3",
    location,
    encryptionKey: kmsKey === "" ? undefined : { ...obj(store.encryptionKey), id: kmsKey, type: "KMS" },
  };
  return compact(next) ?? {};
}

/**
 * One artifact bucket (`artifactStore`) or one per region (`artifactStores`, required once an
 * action runs in another region). CodePipeline accepts exactly one of the two.
 */
export function ArtifactStoreFields({ declaration, update }: Props) {
  const perRegion = declaration.artifactStores !== undefined;
  const single = obj(declaration.artifactStore);
  const stores = obj(declaration.artifactStores);
  const regions = Object.keys(stores);

  const switchMode = (mode: string) => {
    if (mode === "regions" && !perRegion) {
      update({ artifactStore: undefined, artifactStores: { [DEFAULT_REGION]: compact(single) ?? { type: "S3", location: "" } } });
    } else if (mode === "single" && perRegion) {
      update({ artifactStores: undefined, artifactStore: obj(stores[regions[0] ?? ""]) });
    }
  };
  const setStores = (next: Json) => update({ artifactStores: next });

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
        <>
          <TextField
            label="Artifact bucket"
            path="artifactStore.location"
            value={str(single.location)}
            required
            onChange={(v) => update({ artifactStore: withStore(single, v, str(obj(single.encryptionKey).id)) })}
          />
          <TextField
            label="KMS key"
            path="artifactStore.encryptionKey"
            value={str(obj(single.encryptionKey).id)}
            placeholder="(AWS managed key)"
            onChange={(v) => update({ artifactStore: withStore(single, str(single.location), v) })}
          />
          <FieldDiagnostics path="artifactStore" exact />
        </>
      )}
      {perRegion && (
        <div className="flex flex-col gap-3" data-path="artifactStores" tabIndex={-1}>
          <FieldDiagnostics path="artifactStores" exact />
          {regions.map((region, i) => {
            const store = obj(stores[region]);
            const path = joinPath("artifactStores", region);
            const rename = (to: string) => {
              // Rebuild the map so the region keeps its position.
              const next: Json = {};
              for (const r of regions) next[r === region ? to : r] = stores[r];
              setStores(next);
            };
            return (
              <div key={region} className="flex flex-col gap-2 rounded-md border border-slate-200 p-2 dark:border-slate-800">
                <div className="flex items-start gap-2">
                  <div className="flex-1">
                    <SelectField
                      label={`Store ${i + 1} region`}
                      path={path}
                      exact
                      value={region}
                      options={REGIONS.filter((r) => r === region || !regions.includes(r))}
                      onChange={rename}
                    />
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
                  value={str(store.location)}
                  required
                  onChange={(v) => setStores({ ...stores, [region]: withStore(store, v, str(obj(store.encryptionKey).id)) })}
                />
                <TextField
                  label={`Store ${i + 1} KMS key`}
                  path={`${path}.encryptionKey`}
                  value={str(obj(store.encryptionKey).id)}
                  placeholder="(AWS managed key)"
                  onChange={(v) => setStores({ ...stores, [region]: withStore(store, str(store.location), v) })}
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
