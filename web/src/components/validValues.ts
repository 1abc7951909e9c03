import type { FormInstance } from "antd";

/**
 * The form's values when every field (or every one of `fields`) is valid, else null. An invalid form already marks its fields in
 * red; its rejected promise is the form's answer, so it must not surface as an uncaught page error.
 */
export async function validValues<T>(
  form: FormInstance<T>,
  fields?: Parameters<FormInstance<T>["validateFields"]>[0],
): Promise<T | null> {
  try {
    return await (fields ? form.validateFields(fields) : form.validateFields());
  } catch {
    return null;
  }
}
