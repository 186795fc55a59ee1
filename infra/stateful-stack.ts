/**
 * Everything that holds data: buckets, tables and the user pool of the people who sign in. Deployed rarely, never replaced: every resource
 * is retained when the stack is deleted and the tables are deletion-protected with point-in-time
 * recovery. Functions live in the stateless stack, which receives these through typed props.
 */
import { Duration, RemovalPolicy, Stack, type StackProps } from "aws-cdk-lib";
import {
  AccountRecovery,
  ClientAttributes,
  FeaturePlan,
  Mfa,
  StandardThreatProtectionMode,
  StringAttribute,
  UserPool,
  type UserPoolClient,
  type IUserPool,
  type IUserPoolClient,
} from "aws-cdk-lib/aws-cognito";
import { AttributeType, ProjectionType, StreamViewType, TableEncryptionV2, TableV2, type ITableV2 } from "aws-cdk-lib/aws-dynamodb";
import { BlockPublicAccess, Bucket, BucketEncryption, HttpMethods, ObjectOwnership, StorageClass, type IBucket } from "aws-cdk-lib/aws-s3";
import type { Construct } from "constructs";
import { ROLES } from "../shared/domain/access.ts";
import { CUSTOM_ATTRIBUTES } from "../shared/adapters/aws/caller.ts";
import { ConsoleSite } from "./constructs/console-site.ts";
import { CONSOLE_CORS } from "./topology.ts";
import { analyticsTable, casesTable, idempotencyTable, mattersTable, type KeyAttribute, type TableDesign } from "../shared/adapters/aws/table-design.ts";

/** What the stateless stack needs from this one. */
export interface StatefulResources {
  uploads: IBucket;
  reports: IBucket;
  cases: ITableV2;
  /** With its stream (new and old images), which feeds the report aggregates. */
  matters: ITableV2;
  analytics: ITableV2;
  idempotency: ITableV2;
  /** Courts, staff and leaders: one group per role, the court or unit in custom attributes. */
  users: IUserPool;
  /** The console's public client (no secret); the API accepts ID tokens issued to it. */
  consoleClient: IUserPoolClient;
  /** The web console's files (private) and the CloudFront distribution serving them. */
  consoleFiles: IBucket;
  consoleSite: ConsoleSite;
}

export interface StatefulStackProps extends StackProps {
  /** Other origins of the web console (e.g. a custom domain) besides its CloudFront one, allowed to PUT uploads and GET originals with presigned URLs. */
  uploadOrigins: string[];
}

const attribute = (key: KeyAttribute) => ({ name: key.name, type: key.type === "S" ? AttributeType.STRING : AttributeType.NUMBER });

export class StatefulStack extends Stack implements StatefulResources {
  readonly uploads: Bucket;
  readonly reports: Bucket;
  readonly cases: TableV2;
  readonly matters: TableV2;
  readonly analytics: TableV2;
  readonly idempotency: TableV2;
  readonly users: UserPool;
  readonly consoleClient: UserPoolClient;
  readonly consoleFiles: Bucket;
  readonly consoleSite: ConsoleSite;

  constructor(scope: Construct, id: string, props: StatefulStackProps) {
    super(scope, id, props);

    const accessLogs = this.bucket("AccessLogsBucket", {
      versioned: false,
      lifecycleRules: [{ expiration: Duration.days(365) }],
      // CloudFront delivers its standard logs with an ACL grant
      objectOwnership: ObjectOwnership.OBJECT_WRITER,
    });

    // the console's build; only CloudFront reads it (origin access control), files are replaced on each deployment
    this.consoleFiles = this.bucket("ConsoleFilesBucket", {
      serverAccessLogsBucket: accessLogs,
      serverAccessLogsPrefix: "console-files/",
      lifecycleRules: [{ noncurrentVersionExpiration: Duration.days(30) }],
    });
    this.consoleSite = new ConsoleSite(this, "Console", { files: this.consoleFiles, logs: accessLogs });

    this.uploads = this.bucket("UploadsBucket", {
      serverAccessLogsBucket: accessLogs,
      serverAccessLogsPrefix: "uploads/",
      // Originals are evidence: every version is kept; older versions move to cheaper storage.
      lifecycleRules: [
        { abortIncompleteMultipartUploadAfter: Duration.days(7) },
        { noncurrentVersionTransitions: [{ storageClass: StorageClass.INFREQUENT_ACCESS, transitionAfter: Duration.days(30) }] },
      ],
      ...(props.uploadOrigins.length > 0 && {
        // the console PUTs uploads and pdf.js GETs originals with presigned URLs
        cors: [
          {
            allowedMethods: CONSOLE_CORS.uploads.allowMethods.map((method) => HttpMethods[method]),
            allowedOrigins: [...props.uploadOrigins, this.consoleSite.origin],
            allowedHeaders: [...CONSOLE_CORS.uploads.allowHeaders],
            maxAge: CONSOLE_CORS.uploads.maxAgeSeconds,
          },
        ],
      }),
    });

    this.reports = this.bucket("ReportsBucket", {
      serverAccessLogsBucket: accessLogs,
      serverAccessLogsPrefix: "reports/",
      lifecycleRules: [{ abortIncompleteMultipartUploadAfter: Duration.days(7) }],
    });

    this.cases = this.table(casesTable);
    this.matters = this.table(mattersTable);
    this.analytics = this.table(analyticsTable);
    this.idempotency = this.table(idempotencyTable);

    // Accounts are made by administrators (a court's, a unit's staff); nobody signs up. A court or
    // unit is a custom attribute the console may read and never write, so a user cannot move itself.
    this.users = new UserPool(this, "Users", {
      selfSignUpEnabled: false,
      signInAliases: { username: true },
      signInCaseSensitive: false,
      customAttributes: Object.fromEntries(Object.values(CUSTOM_ATTRIBUTES).map((name) => [name, new StringAttribute({ minLen: 1, maxLen: 64, mutable: true })])),
      passwordPolicy: { minLength: 12, requireLowercase: true, requireUppercase: true, requireDigits: true, requireSymbols: true, tempPasswordValidity: Duration.days(3) },
      mfa: Mfa.REQUIRED,
      mfaSecondFactor: { otp: true, sms: false },
      // administrators reset passwords: no self-service recovery through e-mail or SMS
      accountRecovery: AccountRecovery.NONE,
      featurePlan: FeaturePlan.PLUS,
      standardThreatProtectionMode: StandardThreatProtectionMode.FULL_FUNCTION,
      deletionProtection: true,
      removalPolicy: RemovalPolicy.RETAIN,
    });
    for (const role of ROLES) this.users.addGroup(`${role[0]!.toUpperCase()}${role.slice(1)}Group`, { groupName: role });
    const customAttributes = Object.values(CUSTOM_ATTRIBUTES);
    this.consoleClient = this.users.addClient("ConsoleClient", {
      generateSecret: false,
      authFlows: { userSrp: true, userPassword: true },
      readAttributes: new ClientAttributes().withCustomAttributes(...customAttributes),
      // only the user's locale: nothing the API authorises by
      writeAttributes: new ClientAttributes().withStandardAttributes({ locale: true }),
      preventUserExistenceErrors: true,
      enableTokenRevocation: true,
      idTokenValidity: Duration.hours(1),
      accessTokenValidity: Duration.hours(1),
      refreshTokenValidity: Duration.hours(12),
    });
  }

  /** A private, encrypted, TLS-only bucket that outlives the stack. */
  private bucket(id: string, props: ConstructorParameters<typeof Bucket>[2]): Bucket {
    return new Bucket(this, id, {
      encryption: BucketEncryption.S3_MANAGED,
      blockPublicAccess: BlockPublicAccess.BLOCK_ALL,
      enforceSSL: true,
      minimumTLSVersion: 1.2,
      versioned: true,
      removalPolicy: RemovalPolicy.RETAIN,
      ...props,
    });
  }

  /** A table from the shared design (the local stack builds the same one), on-demand, recoverable, retained. */
  private table(design: TableDesign): TableV2 {
    return new TableV2(this, design.id, {
      partitionKey: attribute(design.partitionKey),
      ...(design.sortKey && { sortKey: attribute(design.sortKey) }),
      ...(design.timeToLiveAttribute && { timeToLiveAttribute: design.timeToLiveAttribute }),
      ...(design.stream && { dynamoStream: StreamViewType[design.stream] }),
      globalSecondaryIndexes: design.indexes.map((index) => ({
        indexName: index.indexName,
        partitionKey: attribute(index.partitionKey),
        sortKey: attribute(index.sortKey),
        projectionType: ProjectionType.INCLUDE,
        nonKeyAttributes: [...index.projected],
      })),
      encryption: TableEncryptionV2.awsManagedKey(),
      pointInTimeRecoverySpecification: { pointInTimeRecoveryEnabled: true },
      deletionProtection: true,
      removalPolicy: RemovalPolicy.RETAIN,
    });
  }
}
