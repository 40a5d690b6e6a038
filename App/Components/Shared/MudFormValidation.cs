using FluentValidation;
using Microsoft.Extensions.Localization;

namespace HighServiceDashboard.App.Components.Shared;

/// <summary>
/// Feeds a FluentValidation validator to <c>MudForm.Validation</c>, field by field, so the form
/// and the service that saves use the same rules. Messages are resource keys, shown localised.
/// </summary>
public static class MudFormValidation
{
    public static Func<object, string, Task<IEnumerable<string>>> For<T>(IValidator<T> validator, IStringLocalizer localizer) =>
        async (model, propertyName) =>
        {
            var context = ValidationContext<T>.CreateWithOptions((T)model, options => options.IncludeProperties(propertyName));
            var result = await validator.ValidateAsync(context);
            return result.IsValid ? [] : result.Errors.Select(e => localizer[e.ErrorMessage].Value);
        };
}
