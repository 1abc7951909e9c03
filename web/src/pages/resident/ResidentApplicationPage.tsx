import { useParams } from "react-router-dom";
import { ApplicationView } from "../../components/services/ApplicationView";
import "./resident.css";

/** One of the resident's service applications: each step, the result, and 补正 when asked. */
export default function ResidentApplicationPage() {
  const { id = "" } = useParams();
  return <ApplicationView id={id} party="applicant" />;
}
