using System.Text.Json;
using CsCheck;
using Journeys.Engine.Conditions;

namespace Journeys.Engine.Tests.Conditions;

public sealed class ConditionPropertyTests
{
    private static readonly Gen<string> Fields = Gen.OneOf<string>(
        "traits.country", "traits.age", "traits.tags", "traits.signedUpAt", "computed.bookings",
        "event.properties.cartId", "context.cartId", "traits.nested.deep.value", "nowhere.field", "traits");

    private static readonly Gen<string> Operators = Gen.OneOf(
        Gen.OneOf<string>([.. ConditionOperators.Names]),
        Gen.OneOf<string>("between", "", "EQ"));

    private static readonly Gen<JsonElement?> Values = Gen.OneOf(
        Gen.Const((JsonElement?)null),
        Gen.Int[-100, 100].Select(i => (JsonElement?)JsonSerializer.SerializeToElement(i)),
        Gen.Double[-1e6, 1e6].Select(d => (JsonElement?)JsonSerializer.SerializeToElement(d)),
        Gen.OneOf<string>("FR", "P7D", "2025-01-01T00:00:00Z", "", "vip").Select(s => (JsonElement?)JsonSerializer.SerializeToElement(s)),
        Gen.Bool.Select(b => (JsonElement?)JsonSerializer.SerializeToElement(b)),
        Gen.Int[0, 5].Array[0, 4].Select(a => (JsonElement?)JsonSerializer.SerializeToElement(a)),
        Gen.Const((JsonElement?)JsonSerializer.SerializeToElement(new { a = 1 })));

    private static readonly Gen<Condition> Leaf = Gen.Select(Fields, Operators, Values, (field, op, value) => (Condition)new FieldCondition(field, op, value));

    private static Gen<Condition> Tree(int depth) => depth == 0
        ? Leaf
        : Gen.OneOf(
            Leaf,
            Tree(depth - 1).Array[0, 3].Select(children => (Condition)new AndCondition(children)),
            Tree(depth - 1).Array[0, 3].Select(children => (Condition)new OrCondition(children)),
            Tree(depth - 1).Select(child => (Condition)new NotCondition(child)));

    private static readonly IFieldSource Source = new JsonFieldSource(
        TestData.Json("""{ "country": "FR", "age": 41, "tags": ["vip"], "signedUpAt": "2025-05-01T00:00:00Z", "nested": { "deep": { "value": [1, 2] } } }"""),
        TestData.Json("""{ "bookings": 3 }"""),
        TestData.Json("""{ "name": "Cart Updated", "properties": { "cartId": 42 } }"""),
        TestData.Json("""{ "cartId": "42" }"""));

    [Fact]
    public void Random_condition_trees_round_trip_through_json_unchanged() =>
        Tree(4).Sample(condition =>
        {
            var json = JsonSerializer.Serialize(condition, EngineJson.Options);
            var back = JsonSerializer.Deserialize<Condition>(json, EngineJson.Options)!;
            Assert.Equal(json, JsonSerializer.Serialize(back, EngineJson.Options));
        }, iter: 2_000);

    [Fact]
    public void Evaluating_and_validating_random_condition_trees_never_throws() =>
        Tree(4).Sample(condition =>
        {
            var now = new DateTimeOffset(2025, 6, 1, 0, 0, 0, TimeSpan.Zero);
            var result = ConditionEvaluator.Evaluate(condition, Source, now);
            Assert.Equal(!result, ConditionEvaluator.Evaluate(new NotCondition(condition), Source, now));
            Assert.NotNull(ConditionValidator.Validate(condition, "c"));
        }, iter: 2_000);

    [Fact]
    public void A_tree_the_validator_accepts_only_names_known_operators_and_roots() =>
        Tree(3).Sample(condition =>
        {
            if (ConditionValidator.Validate(condition, "c").Count == 0)
            {
                Assert.All(Leaves(condition), leaf =>
                {
                    Assert.True(ConditionOperators.TryParse(leaf.Op, out _));
                    Assert.True(FieldPath.TryParse(leaf.Field, out _));
                });
            }
        }, iter: 2_000);

    private static IEnumerable<FieldCondition> Leaves(Condition condition) => condition switch
    {
        AndCondition and => and.Conditions.SelectMany(Leaves),
        OrCondition or => or.Conditions.SelectMany(Leaves),
        NotCondition not => Leaves(not.Condition),
        FieldCondition field => [field],
        _ => [],
    };
}
