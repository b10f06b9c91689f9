import { Field, ID, Int, ObjectType } from 'type-graphql';

@ObjectType('AuditChainStatus', { description: "The audit log's hash chain, verified from its first row to its head" })
export class AuditChainStatusGql {
  @Field(() => Boolean) ok!: boolean;
  @Field(() => Int) entries!: number;
  @Field(() => ID, { nullable: true, description: 'The first row (in chain order) whose link or content does not check out' })
  firstBrokenId!: string | null;
  @Field(() => String, { description: 'SHA-256 (hex) of the last link: compare with an earlier copy to see a rewritten tail' })
  headHash!: string;
  @Field(() => Date) checkedAt!: Date;
}
