using System.Text.Json;
using System.Text.Json.Serialization;

namespace Journeys.Engine.Conditions;

/// <summary>
/// A condition is data: a tree a UI can build, the validator can check and tests can fuzz.
/// Nothing in it is code evaluated at run time.
/// </summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "type")]
[JsonDerivedType(typeof(AndCondition), "and")]
[JsonDerivedType(typeof(OrCondition), "or")]
[JsonDerivedType(typeof(NotCondition), "not")]
[JsonDerivedType(typeof(FieldCondition), "field")]
public abstract record Condition;

/// <summary>True when every child is true (and when there are none).</summary>
public sealed record AndCondition(IReadOnlyList<Condition> Conditions) : Condition;

/// <summary>True when any child is true (false when there are none).</summary>
public sealed record OrCondition(IReadOnlyList<Condition> Conditions) : Condition;

/// <summary>Negates its child.</summary>
public sealed record NotCondition(Condition Condition) : Condition;

/// <summary>
/// Compares the value at <paramref name="Field"/> (e.g. <c>traits.country</c>) with <paramref name="Value"/>.
/// The operator stays a string so that an unknown one reaches the validator instead of failing deserialisation.
/// </summary>
public sealed record FieldCondition(string Field, string Op, JsonElement? Value = null) : Condition;
