namespace ActiveCitizen.App.Shared.StaticForms;

/// <summary>A form model that checks itself and reports culture-neutral errors, like services do; the form shows them localized.</summary>
public interface IValidatableInput
{
    IEnumerable<FieldError> Validate();
}
