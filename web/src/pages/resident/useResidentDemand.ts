import { Form, type UploadFile } from "antd";
import { useState } from "react";
import type { PickedPoint } from "../../components/map";
import {
  encodePhoto,
  filesOf,
  useClassifiedChoice,
  useDemandSubmission,
  useDuplicates,
} from "../../components/orders/intake";
import { useT } from "../../i18n/context";

export interface ResidentDemandValues {
  content: string;
  address?: string;
  /** Another number to call back on (the wizard's "how to reach you"); else the account's phone. */
  phone?: string;
}

/**
 * The state and submission of a resident's demand (channel online), shared by the one-page form and
 * the 长辈模式 wizard: the text's classification and duplicates, the place, photos, confidentiality.
 */
export function useResidentDemand() {
  const t = useT();
  const [form] = Form.useForm<ResidentDemandValues>();
  const content = (Form.useWatch("content", { form, preserve: true }) as string | undefined) ?? "";
  const choice = useClassifiedChoice(content);
  const [point, setPoint] = useState<PickedPoint | null>(null);
  const [photos, setPhotos] = useState<UploadFile[]>([]);
  const [confidential, setConfidential] = useState(false);
  const [placeMissing, setPlaceMissing] = useState(false);
  const submission = useDemandSubmission(t("intake.networkRetry"));
  const location = point ? { lng: point.lng, lat: point.lat, crs: point.crs } : null;
  const duplicates = useDuplicates(content, { location });

  const choosePoint = (next: PickedPoint | null) => {
    setPoint(next);
    setPlaceMissing(false);
  };

  /** False (and the place marked missing) while no point is chosen. */
  const checkPlace = () => {
    if (!point) setPlaceMissing(true);
    return point !== null;
  };

  const submit = async (values: ResidentDemandValues) => {
    if (!point) {
      setPlaceMissing(true);
      return;
    }
    // Urgency is not the resident's to set: the server's classifier decides it.
    await submission.submit(async () => {
      const attachments = await Promise.all(filesOf(photos).map(encodePhoto));
      const phone = values.phone?.trim();
      return {
        channel: "online",
        channelFields: { client: "h5" },
        content: values.content.trim(),
        ...(choice.type ? { type: choice.type } : {}),
        ...(choice.categoryCode ? { categoryCode: choice.categoryCode } : {}),
        location: { lng: point.lng, lat: point.lat, crs: point.crs },
        ...(values.address?.trim() ? { address: values.address.trim() } : {}),
        caller: { confidential, ...(phone ? { phone } : {}) },
        ...(attachments.length > 0 ? { attachments } : {}),
      };
    });
  };

  const reset = () => {
    form.resetFields();
    submission.reset();
    setPoint(null);
    setPhotos([]);
    choice.reset();
    setConfidential(false);
  };

  return {
    form,
    choice,
    duplicates,
    point,
    choosePoint,
    placeMissing,
    checkPlace,
    photos,
    setPhotos,
    confidential,
    setConfidential,
    submitting: submission.submitting,
    error: submission.error,
    submitted: submission.submitted,
    submit,
    reset,
  };
}

export type ResidentDemand = ReturnType<typeof useResidentDemand>;
