import { GraphQLError, GraphQLScalarType, Kind } from 'graphql';
import { parseMillicredits } from '../money/money.js';

const INTEGER = /^-?\d+$/;

/**
 * An integer number of millicredits, a decimal string on the wire ("45230", "-1200") so no
 * client ever holds money in a float. Resolvers may return a `bigint` or an integer string.
 */
export const MillicreditsScalar = new GraphQLScalarType<bigint, string>({
  name: 'Millicredits',
  description: 'Integer millicredits as a decimal string (1,000 credits = $1.00; 1 millicredit = $0.000001)',
  serialize(value) {
    if (typeof value === 'bigint') return value.toString();
    if (typeof value === 'string' && INTEGER.test(value)) return value;
    throw new GraphQLError(`Millicredits cannot represent ${typeof value} ${String(value)}`);
  },
  parseValue(value) {
    if (typeof value !== 'string') throw new GraphQLError('Millicredits must be a decimal string', { extensions: { code: 'BAD_USER_INPUT' } });
    return parseMillicredits(value, 'Millicredits');
  },
  parseLiteral(ast) {
    if (ast.kind !== Kind.STRING) throw new GraphQLError('Millicredits must be a decimal string', { extensions: { code: 'BAD_USER_INPUT' } });
    return parseMillicredits(ast.value, 'Millicredits');
  },
});
