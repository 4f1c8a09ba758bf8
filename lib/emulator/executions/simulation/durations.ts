/**
 * How long each provider's work takes, in simulated seconds (divided by the time scale to get
 * real time). Ranges follow what these services typically take for a small project.
 */
import type { ActionTypeIdPlan } from "../pipeline-plan";
import { between, type Random } from "./random";

type Range = readonly [min: number, max: number];

const SOURCE: Range = [3, 5];

const BY_PROVIDER: Readonly<Record<string, Range>> = {
  "Build/CodeBuild": [40, 90],
  "Test/CodeBuild": [40, 90],
  "Build/ECRBuildAndPublish": [60, 120],
  "Build/Jenkins": [40, 90],
  "Test/Jenkins": [40, 90],
  "Test/DeviceFarm": [120, 240],
  "Deploy/CloudFormation": [50, 70],
  "Deploy/CloudFormationStackSet": [90, 150],
  "Deploy/CloudFormationStackInstances": [90, 150],
  "Deploy/ECS": [80, 100],
  "Deploy/CodeDeployToECS": [100, 140],
  "Deploy/CodeDeploy": [80, 120],
  "Deploy/ElasticBeanstalk": [90, 150],
  "Deploy/S3": [5, 10],
  "Deploy/Lambda": [15, 25],
  "Deploy/EKS": [60, 90],
  "Deploy/EC2": [60, 90],
  "Deploy/AppConfig": [30, 60],
  "Deploy/ServiceCatalog": [30, 60],
  "Invoke/Lambda": [5, 12],
  "Invoke/StepFunctions": [20, 40],
  "Invoke/InspectorScan": [30, 60],
  "Invoke/CodePipeline": [3, 6],
  "Compute/Commands": [30, 60],
};

const DEFAULT: Range = [10, 30];

/** Manual approvals wait for a human; they time out after 7 days unless `timeoutInMinutes` says otherwise. */
export const APPROVAL_TIMEOUT_MINUTES = 7 * 24 * 60;

/** An action whose configuration cannot be resolved fails almost at once. */
export const UNRESOLVED_FAILURE_SECONDS = 1;

export function simulatedSeconds(type: ActionTypeIdPlan, random: Random): number {
  const range = type.category === "Source" ? SOURCE : (BY_PROVIDER[`${type.category}/${type.provider}`] ?? DEFAULT);
  return Math.round(between(random, range[0], range[1]) * 10) / 10;
}
