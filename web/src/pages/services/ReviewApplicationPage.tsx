import { useParams } from "react-router-dom";
import { ApplicationView } from "../../components/services/ApplicationView";
import "../../ops.css";

/** An application under review by community or street staff. */
export default function ReviewApplicationPage() {
  const { id = "" } = useParams();
  return (
    <div className="page">
      <ApplicationView id={id} party="reviewer" />
    </div>
  );
}
