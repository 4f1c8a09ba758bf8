/** STORE: artifact stores, buckets, keys and regions. */
import { clone } from "../edits";
import { HOME_REGION, OTHER_ACCOUNT } from "../generator-options";
import { homeStore, pick, pickAction, stores } from "./helpers";
import type { Mutation } from "./mutation";

export const ARTIFACT_STORE_MUTATIONS: readonly Mutation[] = [
  {
    code: "STORE001",
    name: "both artifactStore and artifactStores",
    severity: "error",
    apply(p) {
      if (p.artifactStore) p.artifactStores = { [HOME_REGION]: clone(p.artifactStore) };
      else p.artifactStore = clone(p.artifactStores[HOME_REGION]);
      return true;
    },
  },
  {
    code: "STORE001",
    name: "no artifact store",
    apply(p) {
      delete p.artifactStore;
      delete p.artifactStores;
      return true;
    },
  },
  {
    code: "STORE002",
    name: "store type GCS",
    severity: "error",
    apply(p, c) {
      c.pick(stores(p)).type = "GCS";
      return true;
    },
  },
  {
    code: "STORE003",
    name: "bucket with a prefix",
    severity: "error",
    apply(p, c) {
      c.pick(stores(p)).location = "my-bucket/artifacts";
      return true;
    },
  },
  {
    code: "STORE003",
    name: "uppercase bucket",
    severity: "warning",
    apply(p, c) {
      c.pick(stores(p)).location = "My-Artifact-Bucket";
      return true;
    },
  },
  {
    code: "STORE003",
    name: "bucket name of 2 characters",
    apply(p, c) {
      c.pick(stores(p)).location = "ab";
      return true;
    },
  },
  {
    code: "STORE004",
    name: "encryption key without type",
    severity: "error",
    apply(p, c) {
      c.pick(stores(p)).encryptionKey = { id: "1234abcd-12ab-34cd-56ef-1234567890ab" };
      return true;
    },
  },
  {
    code: "STORE005",
    name: "KMS alias with a cross-account action role",
    gen: { encryption: "off", actionRoles: "off" },
    severity: "warning",
    apply(p, c) {
      // An action in the home region: a per-region store only serves its region's actions.
      const at = pickAction(p, c, (a) => a.stage > 0 && a.action.actionTypeId.owner === "AWS" && (a.action.region ?? HOME_REGION) === HOME_REGION);
      if (!at) return false;
      homeStore(p).encryptionKey = { id: "alias/pipeline", type: "KMS" };
      at.action.roleArn = `arn:aws:iam::${OTHER_ACCOUNT}:role/deployer`;
      return true;
    },
  },
  {
    code: "STORE006",
    name: "store for a region CodePipeline does not serve",
    gen: { crossRegion: "force" },
    severity: "error",
    apply(p) {
      p.artifactStores["af-south-1"] = { type: "S3", location: "codepipeline-af-south-1-bucket" };
      return true;
    },
  },
  {
    code: "STORE007",
    name: "no store for the pipeline region",
    gen: { crossRegion: "force" },
    severity: "error",
    apply(p) {
      delete p.artifactStores[HOME_REGION];
      return true;
    },
  },
  {
    code: "STORE008",
    name: "no store for a cross-region action's region",
    gen: { crossRegion: "force" },
    severity: "error",
    apply(p, c) {
      const region = pick(c, Object.keys(p.artifactStores).filter((r) => r !== HOME_REGION));
      if (!region) return false;
      delete p.artifactStores[region];
      return true;
    },
  },
  {
    code: "STORE009",
    name: "cross-region action with the singular store",
    gen: { crossRegion: "off" },
    severity: "error",
    apply(p, c) {
      if (!p.artifactStore) return false;
      const at = pickAction(p, c, (a) => a.stage > 0 && a.action.actionTypeId.owner === "AWS");
      if (!at) return false;
      at.action.region = "us-west-2";
      return true;
    },
  },
  {
    code: "STORE010",
    name: "unused store region",
    gen: { crossRegion: "force" },
    severity: "warning",
    apply(p) {
      p.artifactStores["ap-south-1"] = { type: "S3", location: "codepipeline-ap-south-1-store" };
      return true;
    },
  },
  {
    code: "STORE011",
    name: "same bucket for two regions",
    gen: { crossRegion: "force" },
    severity: "warning",
    apply(p, c) {
      const region = c.pick(Object.keys(p.artifactStores).filter((r) => r !== HOME_REGION));
      p.artifactStores[region].location = p.artifactStores[HOME_REGION].location;
      return true;
    },
  },
];
