using Senningen.Core.Audit.Witness;
using Senningen.Node.Common.Localization;

namespace Senningen.Node.Features.Audit.Witness.Ui;

internal static class WitnessTexts
{
    // A partner may name a rule this node does not know (a newer version): it is shown as it came.
    public static string Rule(Texts texts, string rule) => WitnessRules.All.Contains(rule) ? texts[$"witness.rule.{rule}"] : rule;
}
