using System.Linq.Expressions;
using Senningen.Core.Access;

namespace Senningen.Node.Common.Security;

/// <summary>
/// Turns an <see cref="AccessScope"/> into a WHERE clause EF translates on SQLite and PostgreSQL, given where an entity
/// keeps its owning unit and zone. Lists and exports filter in the database, so a page of 50 is 50 the user may see.
/// </summary>
public static class AccessScopeQueries
{
    public static IQueryable<T> Within<T>(this IQueryable<T> query, AccessScope scope,
        Expression<Func<T, string?>> unit, Expression<Func<T, string?>>? zone = null)
    {
        ArgumentNullException.ThrowIfNull(scope);
        return query.Where(Predicate(scope, unit, zone));
    }

    public static Expression<Func<T, bool>> Predicate<T>(AccessScope scope, Expression<Func<T, string?>> unit, Expression<Func<T, string?>>? zone)
    {
        ArgumentNullException.ThrowIfNull(scope);
        ArgumentNullException.ThrowIfNull(unit);
        var item = unit.Parameters[0];
        Expression body = scope.Reach switch
        {
            Reach.Country => Expression.Constant(true),
            Reach.None => Expression.Constant(false),
            _ when scope.Unit.Length == 0 && (scope.Reach == Reach.OwnUnit || zone is null || scope.Zones.Count == 0) => Expression.Constant(false),
            Reach.OwnUnit => OwnUnit(scope, unit.Body),
            _ => ZonesOrOwnUnit(scope, unit.Body, zone is null ? null : Rebind(zone, item)),
        };
        return Expression.Lambda<Func<T, bool>>(body, item);
    }

    private static Expression OwnUnit(AccessScope scope, Expression unit) =>
        scope.Unit.Length == 0 ? Expression.Constant(false) : Expression.Equal(unit, Expression.Constant(scope.Unit, typeof(string)));

    private static Expression ZonesOrOwnUnit(AccessScope scope, Expression unit, Expression? zone)
    {
        var own = OwnUnit(scope, unit);
        if (zone is null || scope.Zones.Count == 0)
        {
            return own;
        }

        // A list constant, not the set: EF turns List.Contains into IN (…) on both providers.
        var zones = Expression.Constant(scope.Zones.ToList());
        var contains = Expression.Call(zones, typeof(List<string>).GetMethod(nameof(List<string>.Contains))!, zone);
        return Expression.OrElse(own, contains);
    }

    private static Expression Rebind<T>(Expression<Func<T, string?>> lambda, ParameterExpression to) =>
        new Rebinder(lambda.Parameters[0], to).Visit(lambda.Body);

    private sealed class Rebinder(ParameterExpression from, ParameterExpression to) : ExpressionVisitor
    {
        protected override Expression VisitParameter(ParameterExpression node) => node == from ? to : base.VisitParameter(node);
    }
}
