using Microsoft.Extensions.Options;
using Workbench.Microdata.Geography;

namespace Workbench.Server.Questions;

/// <summary>Section <c>Questions</c>: which geography area codes are checked against.</summary>
public sealed class QuestionsOptions
{
    public const string Section = "Questions";

    /// <summary>
    /// The seed of the synthetic geography the analytical store was generated with (<c>workbench up</c> uses 1): its
    /// gemeente and wijk codes are the ones a question may name.
    /// </summary>
    public int AreaSeed { get; set; } = 1;
}

public static class QuestionsSetup
{
    public static WebApplicationBuilder AddQuestions(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<QuestionsOptions>().BindConfiguration(QuestionsOptions.Section);
        builder.Services.AddOptions<PrioritisationOptions>().BindConfiguration(PrioritisationOptions.Section)
            .Validate(PrioritisationOptions.IsValid, "Prioritisation: weights are 0 to 10 and not all 0; DisagreementSpread is 1 to 4")
            .ValidateOnStart();
        builder.Services.AddSingleton(sp => AreaRegister.ForSeed(sp.GetRequiredService<IOptions<QuestionsOptions>>().Value.AreaSeed));
        builder.Services.AddScoped<QuestionChanges>();
        builder.Services.AddScoped<QuestionReader>();
        return builder;
    }
}
