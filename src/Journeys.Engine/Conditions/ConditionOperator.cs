namespace Journeys.Engine.Conditions;

public enum ConditionOperator
{
    Eq,
    Neq,
    Gt,
    Gte,
    Lt,
    Lte,
    In,
    NotIn,
    Contains,
    StartsWith,
    Exists,
    NotExists,
    Before,
    After,
    WithinLast,
}
